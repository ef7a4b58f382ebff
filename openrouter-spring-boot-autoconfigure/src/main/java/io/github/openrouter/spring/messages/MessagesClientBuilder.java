package io.github.openrouter.spring.messages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.openrouter.spring.messages.client.ClientSettings;
import io.github.openrouter.spring.messages.client.DefaultMessagesClient;
import io.github.openrouter.spring.messages.client.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Builds a {@link MessagesClient} or {@link ReactiveMessagesClient} outside of Spring Boot's
 * auto-configuration; only {@link #apiKey(String)} is required.
 *
 * @since 0.1.0
 */
public final class MessagesClientBuilder {

	/** OpenRouter's API base URL; requests go to this plus {@code /messages}. */
	public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

	private String baseUrl = DEFAULT_BASE_URL;

	private @Nullable String apiKey;

	private WebClient.@Nullable Builder webClientBuilder;

	private @Nullable ClientHttpConnector clientConnector;

	private @Nullable HttpClient httpClient;

	private ConnectionPoolSettings connectionPool = ConnectionPoolSettings.defaults();

	private Function<HttpClient, HttpClient> httpClientCustomizer = Function.identity();

	private @Nullable String defaultModel;

	private List<String> fallbackModels = List.of();

	private @Nullable ProviderPreferences providerPreferences;

	private boolean routingMetadata;

	private @Nullable String appReferer;

	private @Nullable String appTitle;

	private List<String> appCategories = List.of();

	private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

	private ClientTimeouts timeouts = ClientTimeouts.defaults();

	private RetryPolicy retryPolicy = RetryPolicy.defaults();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable MessagesObservationConvention observationConvention;

	private boolean wireLogging;

	private int wireLogMaxBodyChars = 2000;

	private ExchangeMode exchangeMode = ExchangeMode.AUTO;

	private boolean keepPartialMessage = true;

	// issue 14 boothttp stub (the transport branch owns the real implementation)
	private boolean allowInsecureHttp;

	// issue 14 boothttp stub (the transport branch owns the real implementation)
	private @Nullable ClientRequestObservationConvention clientRequestObservationConvention;

	MessagesClientBuilder() {
	}

	/**
	 * Sets the API base URL; requests are sent to this URL plus {@code /messages}.
	 * @param baseUrl the base URL, by default {@value #DEFAULT_BASE_URL}
	 * @return this builder
	 */
	public MessagesClientBuilder baseUrl(String baseUrl) {
		Objects.requireNonNull(baseUrl, "baseUrl");
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return this;
	}

	/**
	 * Sets the OpenRouter API key (required); it is sent as a bearer token and never logged.
	 * @param apiKey the key
	 * @return this builder
	 */
	public MessagesClientBuilder apiKey(String apiKey) {
		this.apiKey = apiKey;
		return this;
	}

	/**
	 * Sets a WebClient builder to start from; it is cloned, never changed.
	 * @param webClientBuilder the builder, for example Spring Boot's customized one
	 * @return this builder
	 */
	public MessagesClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/**
	 * Sets the HTTP connector, replacing the client's own Reactor Netty client (its pool and
	 * connect timeout). Prefer {@link #httpClient(HttpClient)} for a Reactor Netty client: in
	 * {@link ExchangeMode#CONNECTOR} mode the client then calls it without Spring's adapter.
	 * Cannot be combined with {@link #httpClient(HttpClient)}.
	 * @param clientConnector the connector
	 * @return this builder
	 */
	public MessagesClientBuilder clientConnector(ClientHttpConnector clientConnector) {
		this.clientConnector = clientConnector;
		return this;
	}

	/**
	 * Sets the Reactor Netty client to send with (its pool, TLS, proxy, wiretap...), replacing
	 * the client's own one (its pool and connect timeout). In {@link ExchangeMode#CONNECTOR}
	 * mode calls go straight to it; through WebClient it is wrapped in a
	 * {@code ReactorClientHttpConnector}. Cannot be combined with
	 * {@link #clientConnector(ClientHttpConnector)}.
	 * @param httpClient the Reactor Netty client
	 * @return this builder
	 */
	public MessagesClientBuilder httpClient(HttpClient httpClient) {
		this.httpClient = httpClient;
		return this;
	}

	/**
	 * Adds a customization of the client's own Reactor Netty client: TLS, a proxy, a wiretap,
	 * metrics. Customizers run in the order they were added; the client's pool and lifecycle stay
	 * its own. An {@link #httpClient(HttpClient) HttpClient} or a
	 * {@link #clientConnector(ClientHttpConnector) connector} given to the builder is used as it
	 * is, without these customizations.
	 * @param customizer returns the customized client
	 * @return this builder
	 */
	public MessagesClientBuilder httpClientCustomizer(UnaryOperator<HttpClient> customizer) {
		Objects.requireNonNull(customizer, "customizer");
		this.httpClientCustomizer = this.httpClientCustomizer.andThen(customizer);
		return this;
	}

	/**
	 * Sizes the connection pool the client creates for itself; ignored when an
	 * {@link #httpClient(HttpClient)} or a {@link #clientConnector(ClientHttpConnector)} is set.
	 * @param connectionPool the pool settings
	 * @return this builder
	 */
	public MessagesClientBuilder connectionPool(ConnectionPoolSettings connectionPool) {
		this.connectionPool = Objects.requireNonNull(connectionPool, "connectionPool");
		return this;
	}

	/**
	 * Sets the model used by requests that name none.
	 * @param defaultModel the model id, such as {@code anthropic/claude-sonnet-4}
	 * @return this builder
	 */
	public MessagesClientBuilder defaultModel(@Nullable String defaultModel) {
		this.defaultModel = defaultModel;
		return this;
	}

	/**
	 * Sets fallback models, sent as {@code models} by requests that have neither
	 * {@code models} nor {@code fallbacks}.
	 * @param fallbackModels the model ids, in order of preference
	 * @return this builder
	 */
	public MessagesClientBuilder fallbackModels(List<String> fallbackModels) {
		this.fallbackModels = List.copyOf(fallbackModels);
		return this;
	}

	/**
	 * Sets the provider preferences used by requests that have no {@code provider}.
	 * @param providerPreferences the preferences
	 * @return this builder
	 */
	public MessagesClientBuilder providerPreferences(@Nullable ProviderPreferences providerPreferences) {
		this.providerPreferences = providerPreferences;
		return this;
	}

	/**
	 * Sets whether every call asks for {@code openrouter_metadata}
	 * ({@code X-OpenRouter-Metadata: enabled}); calls can override it.
	 * @param routingMetadata the opt-in
	 * @return this builder
	 */
	public MessagesClientBuilder routingMetadata(boolean routingMetadata) {
		this.routingMetadata = routingMetadata;
		return this;
	}

	/**
	 * Sets the app URL sent as {@code HTTP-Referer} for app attribution.
	 * @param appReferer the URL of the app
	 * @return this builder
	 */
	public MessagesClientBuilder appReferer(@Nullable String appReferer) {
		this.appReferer = appReferer;
		return this;
	}

	/**
	 * Sets the app name sent as {@code X-OpenRouter-Title} for app attribution.
	 * @param appTitle the app name
	 * @return this builder
	 */
	public MessagesClientBuilder appTitle(@Nullable String appTitle) {
		this.appTitle = appTitle;
		return this;
	}

	/**
	 * Sets the app categories sent, comma-joined, as {@code X-OpenRouter-Categories}.
	 * @param appCategories the categories
	 * @return this builder
	 */
	public MessagesClientBuilder appCategories(List<String> appCategories) {
		this.appCategories = List.copyOf(appCategories);
		return this;
	}

	/**
	 * Adds a header sent with every call; {@code Authorization} cannot be set this way.
	 * @param name the header name
	 * @param value the header value
	 * @return this builder
	 */
	public MessagesClientBuilder defaultHeader(String name, String value) {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(value, "value");
		if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
			throw new IllegalArgumentException("Authorization is set from the API key; use apiKey(String)");
		}
		this.defaultHeaders.put(name, value);
		return this;
	}

	/**
	 * Sets the connect, first-byte, stream-idle and total timeouts.
	 * @param timeouts the timeouts
	 * @return this builder
	 */
	public MessagesClientBuilder timeouts(ClientTimeouts timeouts) {
		this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
		return this;
	}

	/**
	 * Sets the retry policy.
	 * @param retryPolicy the policy; {@link RetryPolicy#none()} disables retries
	 * @return this builder
	 */
	public MessagesClientBuilder retryPolicy(RetryPolicy retryPolicy) {
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
		return this;
	}

	/**
	 * Sets the registry that observes every call.
	 * @param observationRegistry the registry, by default {@link ObservationRegistry#NOOP}
	 * @return this builder
	 */
	public MessagesClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		return this;
	}

	/**
	 * Sets the convention that names and tags the observation of every call.
	 * @param observationConvention the convention, by default a
	 * {@link io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention}
	 * @return this builder
	 */
	public MessagesClientBuilder observationConvention(MessagesObservationConvention observationConvention) {
		this.observationConvention = Objects.requireNonNull(observationConvention, "observationConvention");
		return this;
	}

	/**
	 * Turns wire logging (SLF4J, DEBUG) on or off; the key is always redacted.
	 * @param enabled whether to log requests and responses
	 * @param maxBodyChars the longest body excerpt to log
	 * @return this builder
	 */
	public MessagesClientBuilder wireLogging(boolean enabled, int maxBodyChars) {
		if (maxBodyChars < 0) {
			throw new IllegalArgumentException("maxBodyChars must not be negative but was " + maxBodyChars);
		}
		this.wireLogging = enabled;
		this.wireLogMaxBodyChars = maxBodyChars;
		return this;
	}

	/**
	 * Sets how requests are sent: through WebClient, or straight to its connector.
	 * @param exchangeMode the mode, by default {@link ExchangeMode#AUTO}
	 * @return this builder
	 */
	public MessagesClientBuilder exchangeMode(ExchangeMode exchangeMode) {
		this.exchangeMode = Objects.requireNonNull(exchangeMode, "exchangeMode");
		return this;
	}

	/**
	 * Sets whether a stream keeps the content received so far, so that the exception of a
	 * stream that fails or ends early carries the partial message with its content. Off, the
	 * memory of an open stream does not grow with the answer, and that partial message only
	 * has the metadata of the message (message_start's message without content, the usage so
	 * far, the stop reason), which the exception's message says. The blocking
	 * {@link MessageStream} accumulates the events its reader takes for
	 * {@link MessageStream#finalMessage()} either way.
	 * @param keepPartialMessage whether to keep the content; {@code true} by default
	 * @return this builder
	 */
	public MessagesClientBuilder keepPartialMessage(boolean keepPartialMessage) {
		this.keepPartialMessage = keepPartialMessage;
		return this;
	}

	/**
	 * Sets whether an {@code http://} base URL is allowed for a host other than loopback (the
	 * key would travel in clear text). Stub of issue 14's Boot side; see the transport branch.
	 * @param allowInsecureHttp whether to allow it; {@code false} by default
	 * @return this builder
	 */
	public MessagesClientBuilder allowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
		return this;
	}

	/**
	 * Sets the convention of the {@code http.client.requests} observation of every exchange.
	 * Stub of issue 14's Boot side; see the transport branch.
	 * @param convention the convention
	 * @return this builder
	 */
	public MessagesClientBuilder clientRequestObservationConvention(ClientRequestObservationConvention convention) {
		this.clientRequestObservationConvention = Objects.requireNonNull(convention, "convention");
		return this;
	}

	/**
	 * Builds a blocking client.
	 * @return the client
	 */
	public MessagesClient build() {
		return new DefaultMessagesClient(buildReactive());
	}

	/**
	 * Builds a reactive client.
	 * @return the client
	 */
	public ReactiveMessagesClient buildReactive() {
		return new DefaultReactiveMessagesClient(settings());
	}

	/**
	 * Returns the settings this builder would build a client from.
	 * @return the settings
	 */
	ClientSettings settings() {
		if (this.apiKey == null || this.apiKey.isBlank()) {
			throw new IllegalStateException("An OpenRouter API key is required; set it with apiKey(String)");
		}
		requireSecureBaseUrl(this.baseUrl, this.allowInsecureHttp);
		if (this.clientConnector != null && this.httpClient != null) {
			throw new IllegalStateException("Set either clientConnector(ClientHttpConnector) or httpClient(HttpClient), "
					+ "not both");
		}
		return new ClientSettings(this.baseUrl, this.apiKey,
				(this.webClientBuilder != null) ? this.webClientBuilder : WebClient.builder(), this.clientConnector,
				this.httpClient, this.connectionPool, this.httpClientCustomizer, this.defaultModel, this.fallbackModels, this.providerPreferences, this.routingMetadata,
				this.appReferer, this.appTitle, new ArrayList<>(this.appCategories), this.defaultHeaders,
				this.timeouts, this.retryPolicy, this.observationRegistry, this.observationConvention, this.wireLogging,
				this.wireLogMaxBodyChars, this.exchangeMode, null, this.keepPartialMessage);
	}

	// issue 14 boothttp stub of the transport branch's base URL validation
	private static void requireSecureBaseUrl(String baseUrl, boolean allowInsecureHttp) {
		java.net.URI uri = java.net.URI.create(baseUrl);
		String host = String.valueOf(uri.getHost());
		boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
		if ("http".equalsIgnoreCase(uri.getScheme()) && !loopback && !allowInsecureHttp) {
			throw new IllegalArgumentException("Refusing the base URL http://" + host
					+ ": the API key would travel in clear text; use https, or allowInsecureHttp(true) "
					+ "(openrouter.http.allow-insecure-http=true)");
		}
	}

	@Override
	public String toString() {
		return "MessagesClientBuilder[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "[REDACTED]" : null)
				+ ", defaultModel=" + this.defaultModel + "]";
	}

}
