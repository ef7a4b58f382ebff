package io.github.openrouter.spring.messages;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.openrouter.spring.messages.client.internal.ClientSettings;
import io.github.openrouter.spring.messages.client.internal.DefaultMessagesClient;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link MessagesClient} or {@link ReactiveMessagesClient} outside of Spring Boot's
 * auto-configuration; only {@link #apiKey(String)} is required.
 *
 * <p>
 * How calls are sent, in one rule: <em>a call goes through a {@code WebClient} built from a clone
 * of the given {@code WebClient.Builder} when that builder has exchange filters or when
 * {@code http.client.requests} is recorded ({@link #clientRequestObservationConvention}); otherwise
 * it goes straight to the {@code ClientHttpConnector}.</em> The builder's default headers and
 * cookies are sent either way. Without a {@link #clientConnector(ClientHttpConnector) connector},
 * the client makes a Reactor Netty one with its own pool ({@link #connectionPool}) and connect
 * timeout, never following redirects, and closes that pool when it is closed.
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

	private ConnectionPoolSettings connectionPool = ConnectionPoolSettings.defaults();

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

	private @Nullable ClientRequestObservationConvention clientRequestObservationConvention;

	private boolean allowInsecureHttp;

	private boolean keepPartialMessage = true;

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
	 * Sets a WebClient builder to start from; it is cloned, never changed. Its exchange filters,
	 * default headers and default cookies apply to every call (see the rule in the class
	 * description); its connector, codecs, status handlers and {@code defaultRequest} consumer do
	 * not.
	 * @param webClientBuilder the builder, for example Spring Boot's customized one
	 * @return this builder
	 */
	public MessagesClientBuilder webClientBuilder(WebClient.Builder webClientBuilder) {
		this.webClientBuilder = webClientBuilder;
		return this;
	}

	/**
	 * Sets the HTTP connector, replacing the client's own Reactor Netty one (its pool and connect
	 * timeout). It is used as it is (its TLS, proxy, timeouts) and not closed by the client. For
	 * a Reactor Netty client of your own, pass a {@code ReactorClientHttpConnector} over it.
	 * Never let it follow redirects: the client sends its key with every request.
	 * @param clientConnector the connector
	 * @return this builder
	 */
	public MessagesClientBuilder clientConnector(ClientHttpConnector clientConnector) {
		this.clientConnector = clientConnector;
		return this;
	}

	/**
	 * Sizes the connection pool the client creates for itself; ignored when a
	 * {@link #clientConnector(ClientHttpConnector) connector} is set.
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
	 * Records Spring's {@code http.client.requests} observation for every HTTP exchange, named and
	 * tagged by the given convention, in the {@link #observationRegistry(ObservationRegistry)
	 * registry} (unless it is NOOP). Calls then go through a {@code WebClient}, which records it.
	 * @param convention the convention, for example
	 * {@code new DefaultClientRequestObservationConvention("http.client.requests")}
	 * @return this builder
	 */
	public MessagesClientBuilder clientRequestObservationConvention(ClientRequestObservationConvention convention) {
		this.clientRequestObservationConvention = Objects.requireNonNull(convention, "convention");
		return this;
	}

	/**
	 * Allows an {@code http://} base URL for a host that is not the loopback interface; the key
	 * then travels in clear text. Off by default: {@code http://} is accepted only for
	 * {@code localhost}, {@code 127.0.0.0/8} and {@code [::1]}.
	 * @param allowInsecureHttp whether to allow it
	 * @return this builder
	 */
	public MessagesClientBuilder allowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
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
		checkBaseUrl(this.baseUrl, this.allowInsecureHttp);
		return new ClientSettings(this.baseUrl, this.apiKey,
				(this.webClientBuilder != null) ? this.webClientBuilder : WebClient.builder(), this.clientConnector,
				this.connectionPool, this.defaultModel, this.fallbackModels, this.providerPreferences,
				this.routingMetadata, this.appReferer, this.appTitle, new ArrayList<>(this.appCategories),
				this.defaultHeaders, this.timeouts, this.retryPolicy, this.observationRegistry,
				this.observationConvention, this.clientRequestObservationConvention, this.wireLogging,
				this.wireLogMaxBodyChars, this.keepPartialMessage);
	}

	/**
	 * Refuses a base URL that would leak the key or mislead the client: not {@code http(s)}, no
	 * host, user-info, a query or a fragment, or {@code http://} to a host that is not loopback
	 * (unless allowed). The message never quotes the user-info.
	 */
	private static void checkBaseUrl(String baseUrl, boolean allowInsecureHttp) {
		URI uri;
		try {
			uri = new URI(baseUrl);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("The base URL is not a valid URI: " + ex.getReason());
		}
		if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
			throw new IllegalArgumentException("The base URL must not contain user-info (credentials); "
					+ "the client authenticates with its API key");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
				|| uri.getHost() == null) {
			throw new IllegalArgumentException("The base URL must be an absolute http(s) URL with a host but was "
					+ uri.getScheme() + "://" + uri.getHost());
		}
		if (uri.getRawQuery() != null) {
			throw new IllegalArgumentException("The base URL must not have a query: " + uri.getScheme() + "://"
					+ uri.getRawAuthority() + uri.getRawPath() + "?...");
		}
		if (uri.getRawFragment() != null) {
			throw new IllegalArgumentException("The base URL must not have a fragment: " + uri.getScheme() + "://"
					+ uri.getRawAuthority() + uri.getRawPath() + "#...");
		}
		if (scheme.equalsIgnoreCase("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			throw new IllegalArgumentException("The base URL " + uri.getScheme() + "://" + uri.getRawAuthority()
					+ " would send the API key in clear text; use https, or allow http for this host with "
					+ "allowInsecureHttp(true) (openrouter.http.allow-insecure-http)");
		}
	}

	/** Tells whether a host names the loopback interface, without resolving it. */
	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.equals("[::1]") || name.equals("::1")) {
			return true;
		}
		String[] parts = name.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals("127")) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return "MessagesClientBuilder[baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "[REDACTED]" : null)
				+ ", defaultModel=" + this.defaultModel + "]";
	}

}
