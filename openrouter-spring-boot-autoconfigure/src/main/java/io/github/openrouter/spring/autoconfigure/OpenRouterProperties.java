package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.openrouter.spring.messages.model.routing.DataCollection;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.routing.Quantization;
import io.github.openrouter.spring.messages.model.routing.SortPartition;
import io.github.openrouter.spring.messages.model.routing.SortStrategy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for the OpenRouter Messages client, bound from {@code openrouter.*}.
 *
 * <p>
 * The properties validate themselves when they are bound, so an invalid value fails startup
 * with a message that names the property. The API key is checked later, when the client is
 * built, because it may come from the {@code OPENROUTER_API_KEY} environment variable or from
 * an {@link OpenRouterConnectionDetails} bean instead.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
@ConfigurationProperties("openrouter")
public class OpenRouterProperties implements Validator {

	/**
	 * Largest number of fallback models OpenRouter accepts.
	 */
	public static final int MAX_FALLBACK_MODELS = 3;

	/**
	 * API key sent as a bearer token. When not set, the OPENROUTER_API_KEY environment
	 * variable is used.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the OpenRouter API; requests go to its "/messages" path.
	 */
	private String baseUrl = "https://openrouter.ai/api/v1";

	/**
	 * Model used when a request does not name one, for example "anthropic/claude-sonnet-4".
	 */
	private @Nullable String defaultModel;

	/**
	 * Models OpenRouter tries, in order, when the requested model fails. At most 3.
	 */
	private List<String> fallbackModels = new ArrayList<>();

	/**
	 * Whether to ask OpenRouter to add routing metadata (openrouter_metadata) to every
	 * response.
	 */
	private boolean routingMetadata;

	private Provider provider = new Provider(List.of(), List.of(), List.of(), null, null, null, null, null, List.of(),
			null, null, new Latency(null, null, null, null), new Throughput(null, null, null, null),
			new MaxPrice(null, null, null, null, null));

	private final App app = new App();

	private final Timeouts timeouts = new Timeouts();

	private final Retry retry = new Retry();

	private final Metrics metrics = new Metrics();

	private final WireLogging wireLogging = new WireLogging();

	private final Http http = new Http();

	private final Streaming streaming = new Streaming();

	private final Account account = new Account();

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getDefaultModel() {
		return this.defaultModel;
	}

	public void setDefaultModel(@Nullable String defaultModel) {
		this.defaultModel = defaultModel;
	}

	public List<String> getFallbackModels() {
		return this.fallbackModels;
	}

	public void setFallbackModels(List<String> fallbackModels) {
		this.fallbackModels = fallbackModels;
	}

	public boolean isRoutingMetadata() {
		return this.routingMetadata;
	}

	public void setRoutingMetadata(boolean routingMetadata) {
		this.routingMetadata = routingMetadata;
	}

	public Provider getProvider() {
		return this.provider;
	}

	public void setProvider(Provider provider) {
		this.provider = provider;
	}

	public App getApp() {
		return this.app;
	}

	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public WireLogging getWireLogging() {
		return this.wireLogging;
	}

	public Http getHttp() {
		return this.http;
	}

	public Streaming getStreaming() {
		return this.streaming;
	}

	public Account getAccount() {
		return this.account;
	}

	@Override
	public boolean supports(Class<?> type) {
		return OpenRouterProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		new OpenRouterPropertiesValidator((OpenRouterProperties) target, errors).validate();
	}

	/**
	 * Provider routing preferences sent with every request that has none of its own: the
	 * {@link ProviderPreferences} of the model in a shape that suits YAML (durations, decimal
	 * prices, enums). {@link ProviderPreferencesMapper} maps it to the model by name, so a field is
	 * added here and in the model only, and a test fails when the model gains one this record does
	 * not carry.
	 *
	 * @param order Provider slugs to try first, in order. Turns off load balancing.
	 * @param only Provider slugs to allow; all others are skipped.
	 * @param ignore Provider slugs to skip.
	 * @param allowFallbacks Whether OpenRouter may use other providers when the preferred ones fail.
	 * Unset leaves OpenRouter's default (true).
	 * @param requireParameters Whether to route only to providers that support every parameter of
	 * the request. Unset leaves OpenRouter's default (false).
	 * @param dataCollection Whether providers may store or train on request data. Unset leaves
	 * OpenRouter's default (allow).
	 * @param zdr Whether to route only to Zero-Data-Retention endpoints.
	 * @param enforceDistillableText Whether to route only to models whose author allows text
	 * distillation.
	 * @param quantizations Quantization levels to allow; empty allows all.
	 * @param sort Order in which to try providers. Turns off load balancing.
	 * @param sortPartition Whether sorting keeps the endpoints of each model together ("model") or
	 * sorts the endpoints of all models together ("none").
	 * @param preferredMaxLatency Latency targets per percentile; endpoints slower than a target are
	 * moved down the list, not removed.
	 * @param preferredMinThroughput Throughput targets per percentile, in tokens per second;
	 * endpoints below a target are moved down the list, not removed.
	 * @param maxPrice Highest prices, in US dollars, that a provider may charge; providers above
	 * them are skipped and a request that no provider fits fails.
	 */
	public record Provider(@DefaultValue List<String> order, @DefaultValue List<String> only,
			@DefaultValue List<String> ignore, @Nullable Boolean allowFallbacks, @Nullable Boolean requireParameters,
			@Nullable DataCollection dataCollection, @Nullable Boolean zdr, @Nullable Boolean enforceDistillableText,
			@DefaultValue List<Quantization> quantizations, @Nullable SortStrategy sort,
			@Nullable SortPartition sortPartition, @DefaultValue Latency preferredMaxLatency,
			@DefaultValue Throughput preferredMinThroughput, @DefaultValue MaxPrice maxPrice) {

	}

	/**
	 * Latency targets per percentile.
	 *
	 * @param p50 Preferred maximum median (p50) latency.
	 * @param p75 Preferred maximum p75 latency.
	 * @param p90 Preferred maximum p90 latency.
	 * @param p99 Preferred maximum p99 latency.
	 */
	public record Latency(@Nullable Duration p50, @Nullable Duration p75, @Nullable Duration p90,
			@Nullable Duration p99) {

	}

	/**
	 * Throughput targets per percentile, in tokens per second.
	 *
	 * @param p50 Preferred minimum median (p50) throughput, in tokens per second.
	 * @param p75 Preferred minimum p75 throughput, in tokens per second.
	 * @param p90 Preferred minimum p90 throughput, in tokens per second.
	 * @param p99 Preferred minimum p99 throughput, in tokens per second.
	 */
	public record Throughput(@Nullable Double p50, @Nullable Double p75, @Nullable Double p90,
			@Nullable Double p99) {

	}

	/**
	 * Highest prices, in US dollars, that a provider may charge.
	 *
	 * @param prompt Highest price per million prompt tokens, in USD.
	 * @param completion Highest price per million completion tokens, in USD.
	 * @param image Highest price per image, in USD.
	 * @param audio Highest price per audio unit, in USD.
	 * @param request Highest price per request, in USD.
	 */
	public record MaxPrice(@Nullable BigDecimal prompt, @Nullable BigDecimal completion, @Nullable BigDecimal image,
			@Nullable BigDecimal audio, @Nullable BigDecimal request) {

	}

	/**
	 * Attribution of the application on openrouter.ai.
	 */
	public static class App {

		/**
		 * URL of the application, sent as the HTTP-Referer header.
		 */
		private @Nullable String referer;

		/**
		 * Name of the application, sent as the X-OpenRouter-Title header.
		 */
		private @Nullable String title;

		/**
		 * Categories of the application, sent comma-separated as the X-OpenRouter-Categories
		 * header.
		 */
		private List<String> categories = new ArrayList<>();

		public @Nullable String getReferer() {
			return this.referer;
		}

		public void setReferer(@Nullable String referer) {
			this.referer = referer;
		}

		public @Nullable String getTitle() {
			return this.title;
		}

		public void setTitle(@Nullable String title) {
			this.title = title;
		}

		public List<String> getCategories() {
			return this.categories;
		}

		public void setCategories(List<String> categories) {
			this.categories = categories;
		}

	}

	/**
	 * Timeouts of every call. Those left unset take the defaults described here; Spring Boot's
	 * {@code spring.http.clients.connect-timeout} and {@code read-timeout} count as set.
	 */
	public static class Timeouts {

		/**
		 * Time to establish a connection. When not set, spring.http.clients.connect-timeout is
		 * used, else 10s.
		 */
		private @Nullable Duration connect;

		/**
		 * Time from sending a request to the first byte of the response. When not set, a stream
		 * waits up to 60s and a non-streaming call up to 60s or 1h per 128,000 max_tokens,
		 * whichever is longer, never more than the total timeout.
		 */
		private @Nullable Duration firstByte;

		/**
		 * Longest silence of the server while the reader waits for the next chunk of a stream
		 * or of a response body; keep-alive comments reset it. When not set,
		 * spring.http.clients.read-timeout is used, else 60s.
		 */
		private @Nullable Duration streamIdle;

		/**
		 * Time budget of a whole call, retries included.
		 */
		private Duration total = Duration.ofMinutes(10);

		public @Nullable Duration getConnect() {
			return this.connect;
		}

		public void setConnect(@Nullable Duration connect) {
			this.connect = connect;
		}

		public @Nullable Duration getFirstByte() {
			return this.firstByte;
		}

		public void setFirstByte(@Nullable Duration firstByte) {
			this.firstByte = firstByte;
		}

		public @Nullable Duration getStreamIdle() {
			return this.streamIdle;
		}

		public void setStreamIdle(@Nullable Duration streamIdle) {
			this.streamIdle = streamIdle;
		}

		public Duration getTotal() {
			return this.total;
		}

		public void setTotal(Duration total) {
			this.total = total;
		}

	}

	/**
	 * Retries of failed attempts: exponential backoff with jitter.
	 */
	public static class Retry {

		/**
		 * Attempts in all, the first one included; 1 disables retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Upper bound of one delay between attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Factor applied to the delay after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Random spread of each delay, from 0 (none) to 1 (up to 100%).
		 */
		private double jitter = 0.2;

		/**
		 * Longest Retry-After the client waits for; a longer one ends the call.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(60);

		/**
		 * Whether a non-streaming call whose answer did not start within the first-byte timeout
		 * is tried again. Off because the first attempt may still be generating, and be billed.
		 */
		private boolean retryFirstByteTimeouts;

		public boolean isRetryFirstByteTimeouts() {
			return this.retryFirstByteTimeouts;
		}

		public void setRetryFirstByteTimeouts(boolean retryFirstByteTimeouts) {
			this.retryFirstByteTimeouts = retryFirstByteTimeouts;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

	}

	/**
	 * Meters recorded for every call.
	 */
	public static class Metrics {

		/**
		 * Whether to record OpenRouter meters.
		 */
		private boolean enabled = true;

		/**
		 * Largest number of distinct values of one tag, such as model or provider; further
		 * values are recorded as "_OTHER".
		 */
		private int maxTagValues = 100;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxTagValues() {
			return this.maxTagValues;
		}

		public void setMaxTagValues(int maxTagValues) {
			this.maxTagValues = maxTagValues;
		}

	}

	/**
	 * Logging of request and response bodies at DEBUG level, with the API key redacted.
	 */
	public static class WireLogging {

		/**
		 * Whether to log request and response bodies at DEBUG level.
		 */
		private boolean enabled;

		/**
		 * Largest number of characters of one body to log; longer bodies are truncated.
		 */
		private int maxBodyChars = 4096;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxBodyChars() {
			return this.maxBodyChars;
		}

		public void setMaxBodyChars(int maxBodyChars) {
			this.maxBodyChars = maxBodyChars;
		}

	}

	/**
	 * HTTP connections of the client. The connector comes from Spring Boot's
	 * {@code ClientHttpConnectorBuilder} with its {@code spring.http.clients.*} settings; these
	 * properties override only what they set.
	 */
	public static class Http {

		/**
		 * Most connections the client's pool opens at once; further calls wait for a free
		 * connection. Reactor Netty connector only.
		 */
		private int maxConnections = 500;

		/**
		 * Longest a call waits for a free connection of the client's pool before failing.
		 * Reactor Netty connector only.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(45);

		/**
		 * How long an unused connection of the client's pool stays open. Reactor Netty
		 * connector only.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(30);

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) that secures HTTPS calls, for example
		 * to trust a corporate proxy's CA. When not set, the bundle of
		 * spring.http.clients.ssl.bundle is used, if any; otherwise the JDK's defaults.
		 */
		private @Nullable String sslBundle;

		/**
		 * Whether to allow an http:// base URL for a host other than loopback (localhost,
		 * 127.0.0.0/8, [::1]); the API key then travels in clear text.
		 */
		private boolean allowInsecureHttp;

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public boolean isAllowInsecureHttp() {
			return this.allowInsecureHttp;
		}

		public void setAllowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
		}

	}

	/**
	 * Streaming settings.
	 */
	public static class Streaming {

		/**
		 * Whether a stream keeps the content received so far, so that the exception of a stream
		 * that fails or ends early carries the partial message; when false, memory per open stream
		 * does not grow with the answer and that message has metadata and usage only.
		 */
		private boolean keepPartialMessage = true;

		public boolean isKeepPartialMessage() {
			return this.keepPartialMessage;
		}

		public void setKeepPartialMessage(boolean keepPartialMessage) {
			this.keepPartialMessage = keepPartialMessage;
		}

	}

	/**
	 * The account behind the key: its limits and usage read in the background for gauges and
	 * the health indicator, and the account balance when a management key is configured.
	 */
	public static class Account {

		/**
		 * Whether to read the key's limits and usage (GET /api/v1/key, at startup and every
		 * refresh interval) in the background, for the account gauges and the "openrouter" health
		 * indicator.
		 */
		private boolean enabled = true;

		/**
		 * How often the key's limits and usage (and the balance, with a management key) are read.
		 */
		private Duration refreshInterval = Duration.ofMinutes(5);

		/**
		 * Management key, needed to read the account balance (GET /api/v1/credits). When not set,
		 * the balance is not read. Never logged or shown.
		 */
		private @Nullable String managementKey;

		/**
		 * Remaining credit, in USD, under which the health indicator reports LOW_CREDIT.
		 */
		private BigDecimal lowCreditThreshold = new BigDecimal("1");

		/**
		 * Whether a rejected or expired key, or no credit left, turns the health indicator DOWN
		 * (and with it the aggregate health). By default it shows a status of its own that the
		 * aggregate ignores.
		 */
		private boolean downWhenUnusable;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

		public @Nullable String getManagementKey() {
			return this.managementKey;
		}

		public void setManagementKey(@Nullable String managementKey) {
			this.managementKey = managementKey;
		}

		public BigDecimal getLowCreditThreshold() {
			return this.lowCreditThreshold;
		}

		public void setLowCreditThreshold(BigDecimal lowCreditThreshold) {
			this.lowCreditThreshold = lowCreditThreshold;
		}

		public boolean isDownWhenUnusable() {
			return this.downWhenUnusable;
		}

		public void setDownWhenUnusable(boolean downWhenUnusable) {
			this.downWhenUnusable = downWhenUnusable;
		}

	}

}
