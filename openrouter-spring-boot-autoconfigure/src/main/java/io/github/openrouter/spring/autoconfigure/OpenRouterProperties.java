package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.openrouter.spring.messages.ExchangeMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
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

	private final Provider provider = new Provider();

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
	 * Provider routing preferences sent with every request that has none of its own.
	 */
	public static class Provider {

		/**
		 * Provider slugs to try first, in order. Turns off load balancing.
		 */
		private List<String> order = new ArrayList<>();

		/**
		 * Provider slugs to allow; all others are skipped.
		 */
		private List<String> only = new ArrayList<>();

		/**
		 * Provider slugs to skip.
		 */
		private List<String> ignore = new ArrayList<>();

		/**
		 * Whether OpenRouter may use other providers when the preferred ones fail. Unset
		 * leaves OpenRouter's default (true).
		 */
		private @Nullable Boolean allowFallbacks;

		/**
		 * Whether to route only to providers that support every parameter of the request.
		 * Unset leaves OpenRouter's default (false).
		 */
		private @Nullable Boolean requireParameters;

		/**
		 * Whether providers may store or train on request data. Unset leaves OpenRouter's
		 * default (allow).
		 */
		private @Nullable DataCollection dataCollection;

		/**
		 * Whether to route only to Zero-Data-Retention endpoints.
		 */
		private @Nullable Boolean zdr;

		/**
		 * Whether to route only to models whose author allows text distillation.
		 */
		private @Nullable Boolean enforceDistillableText;

		/**
		 * Quantization levels to allow; empty allows all.
		 */
		private List<Quantization> quantizations = new ArrayList<>();

		/**
		 * Order in which to try providers. Turns off load balancing.
		 */
		private @Nullable Sort sort;

		/**
		 * Whether sorting keeps the endpoints of each model together ("model") or sorts the
		 * endpoints of all models together ("none").
		 */
		private @Nullable SortPartition sortPartition;

		private final Latency preferredMaxLatency = new Latency();

		private final Throughput preferredMinThroughput = new Throughput();

		private final MaxPrice maxPrice = new MaxPrice();

		public List<String> getOrder() {
			return this.order;
		}

		public void setOrder(List<String> order) {
			this.order = order;
		}

		public List<String> getOnly() {
			return this.only;
		}

		public void setOnly(List<String> only) {
			this.only = only;
		}

		public List<String> getIgnore() {
			return this.ignore;
		}

		public void setIgnore(List<String> ignore) {
			this.ignore = ignore;
		}

		public @Nullable Boolean getAllowFallbacks() {
			return this.allowFallbacks;
		}

		public void setAllowFallbacks(@Nullable Boolean allowFallbacks) {
			this.allowFallbacks = allowFallbacks;
		}

		public @Nullable Boolean getRequireParameters() {
			return this.requireParameters;
		}

		public void setRequireParameters(@Nullable Boolean requireParameters) {
			this.requireParameters = requireParameters;
		}

		public @Nullable DataCollection getDataCollection() {
			return this.dataCollection;
		}

		public void setDataCollection(@Nullable DataCollection dataCollection) {
			this.dataCollection = dataCollection;
		}

		public @Nullable Boolean getZdr() {
			return this.zdr;
		}

		public void setZdr(@Nullable Boolean zdr) {
			this.zdr = zdr;
		}

		public @Nullable Boolean getEnforceDistillableText() {
			return this.enforceDistillableText;
		}

		public void setEnforceDistillableText(@Nullable Boolean enforceDistillableText) {
			this.enforceDistillableText = enforceDistillableText;
		}

		public List<Quantization> getQuantizations() {
			return this.quantizations;
		}

		public void setQuantizations(List<Quantization> quantizations) {
			this.quantizations = quantizations;
		}

		public @Nullable Sort getSort() {
			return this.sort;
		}

		public void setSort(@Nullable Sort sort) {
			this.sort = sort;
		}

		public @Nullable SortPartition getSortPartition() {
			return this.sortPartition;
		}

		public void setSortPartition(@Nullable SortPartition sortPartition) {
			this.sortPartition = sortPartition;
		}

		public Latency getPreferredMaxLatency() {
			return this.preferredMaxLatency;
		}

		public Throughput getPreferredMinThroughput() {
			return this.preferredMinThroughput;
		}

		public MaxPrice getMaxPrice() {
			return this.maxPrice;
		}

		boolean isEmpty() {
			return this.order.isEmpty() && this.only.isEmpty() && this.ignore.isEmpty()
					&& this.allowFallbacks == null && this.requireParameters == null
					&& this.dataCollection == null && this.zdr == null && this.enforceDistillableText == null
					&& this.quantizations.isEmpty() && this.sort == null && this.sortPartition == null
					&& this.preferredMaxLatency.isEmpty() && this.preferredMinThroughput.isEmpty()
					&& this.maxPrice.isEmpty();
		}

	}

	/**
	 * Latency targets per percentile; endpoints slower than a target are moved down the
	 * list, not removed.
	 */
	public static class Latency {

		/**
		 * Preferred maximum median (p50) latency.
		 */
		private @Nullable Duration p50;

		/**
		 * Preferred maximum p75 latency.
		 */
		private @Nullable Duration p75;

		/**
		 * Preferred maximum p90 latency.
		 */
		private @Nullable Duration p90;

		/**
		 * Preferred maximum p99 latency.
		 */
		private @Nullable Duration p99;

		public @Nullable Duration getP50() {
			return this.p50;
		}

		public void setP50(@Nullable Duration p50) {
			this.p50 = p50;
		}

		public @Nullable Duration getP75() {
			return this.p75;
		}

		public void setP75(@Nullable Duration p75) {
			this.p75 = p75;
		}

		public @Nullable Duration getP90() {
			return this.p90;
		}

		public void setP90(@Nullable Duration p90) {
			this.p90 = p90;
		}

		public @Nullable Duration getP99() {
			return this.p99;
		}

		public void setP99(@Nullable Duration p99) {
			this.p99 = p99;
		}

		boolean isEmpty() {
			return this.p50 == null && this.p75 == null && this.p90 == null && this.p99 == null;
		}

	}

	/**
	 * Throughput targets per percentile, in tokens per second; endpoints below a target are
	 * moved down the list, not removed.
	 */
	public static class Throughput {

		/**
		 * Preferred minimum median (p50) throughput, in tokens per second.
		 */
		private @Nullable Double p50;

		/**
		 * Preferred minimum p75 throughput, in tokens per second.
		 */
		private @Nullable Double p75;

		/**
		 * Preferred minimum p90 throughput, in tokens per second.
		 */
		private @Nullable Double p90;

		/**
		 * Preferred minimum p99 throughput, in tokens per second.
		 */
		private @Nullable Double p99;

		public @Nullable Double getP50() {
			return this.p50;
		}

		public void setP50(@Nullable Double p50) {
			this.p50 = p50;
		}

		public @Nullable Double getP75() {
			return this.p75;
		}

		public void setP75(@Nullable Double p75) {
			this.p75 = p75;
		}

		public @Nullable Double getP90() {
			return this.p90;
		}

		public void setP90(@Nullable Double p90) {
			this.p90 = p90;
		}

		public @Nullable Double getP99() {
			return this.p99;
		}

		public void setP99(@Nullable Double p99) {
			this.p99 = p99;
		}

		boolean isEmpty() {
			return this.p50 == null && this.p75 == null && this.p90 == null && this.p99 == null;
		}

	}

	/**
	 * Highest prices, in US dollars, that a provider may charge; providers above them are
	 * skipped and a request that no provider fits fails.
	 */
	public static class MaxPrice {

		/**
		 * Highest price per million prompt tokens, in USD.
		 */
		private @Nullable BigDecimal prompt;

		/**
		 * Highest price per million completion tokens, in USD.
		 */
		private @Nullable BigDecimal completion;

		/**
		 * Highest price per image, in USD.
		 */
		private @Nullable BigDecimal image;

		/**
		 * Highest price per audio unit, in USD.
		 */
		private @Nullable BigDecimal audio;

		/**
		 * Highest price per request, in USD.
		 */
		private @Nullable BigDecimal request;

		public @Nullable BigDecimal getPrompt() {
			return this.prompt;
		}

		public void setPrompt(@Nullable BigDecimal prompt) {
			this.prompt = prompt;
		}

		public @Nullable BigDecimal getCompletion() {
			return this.completion;
		}

		public void setCompletion(@Nullable BigDecimal completion) {
			this.completion = completion;
		}

		public @Nullable BigDecimal getImage() {
			return this.image;
		}

		public void setImage(@Nullable BigDecimal image) {
			this.image = image;
		}

		public @Nullable BigDecimal getAudio() {
			return this.audio;
		}

		public void setAudio(@Nullable BigDecimal audio) {
			this.audio = audio;
		}

		public @Nullable BigDecimal getRequest() {
			return this.request;
		}

		public void setRequest(@Nullable BigDecimal request) {
			this.request = request;
		}

		boolean isEmpty() {
			return this.prompt == null && this.completion == null && this.image == null && this.audio == null
					&& this.request == null;
		}

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
	 * Timeouts of every call.
	 */
	public static class Timeouts {

		/**
		 * Time to establish a connection.
		 */
		private Duration connect = Duration.ofSeconds(10);

		/**
		 * Time from sending a request to the first byte of the response.
		 */
		private Duration firstByte = Duration.ofSeconds(60);

		/**
		 * Longest silence between two chunks of a stream; keep-alive comments reset it.
		 */
		private Duration streamIdle = Duration.ofSeconds(60);

		/**
		 * Time budget of a whole call, retries included.
		 */
		private Duration total = Duration.ofMinutes(10);

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getFirstByte() {
			return this.firstByte;
		}

		public void setFirstByte(Duration firstByte) {
			this.firstByte = firstByte;
		}

		public Duration getStreamIdle() {
			return this.streamIdle;
		}

		public void setStreamIdle(Duration streamIdle) {
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
	 * How requests are sent.
	 */
	public static class Http {

		/**
		 * Whether requests go through WebClient ("web-client") or straight to the Reactor
		 * Netty client under it ("connector"), which skips WebClient's filters and default
		 * headers and cookies and costs less CPU per call; http.client.requests observations
		 * are recorded either way. "auto" goes straight unless WebClient has exchange filters
		 * or default headers or cookies.
		 */
		private ExchangeMode exchangeMode = ExchangeMode.AUTO;

		/**
		 * Most connections the client's own pool opens at once; further calls wait for a
		 * free connection. Not used when a MessagesClientBuilderCustomizer sets an HTTP client
		 * or connector.
		 */
		private int maxConnections = 500;

		/**
		 * Longest a call waits for a free connection of the client's own pool before failing.
		 */
		private Duration pendingAcquireTimeout = Duration.ofSeconds(45);

		/**
		 * How long an unused connection of the client's own pool stays open.
		 */
		private Duration maxIdleTime = Duration.ofSeconds(30);

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust and key material secures
		 * HTTPS calls of the client's own HTTP client, for example to trust a corporate
		 * proxy's CA. When not set, the bundle of spring.http.clients.ssl.bundle is used, if
		 * any; otherwise the JDK's defaults.
		 */
		private @Nullable String sslBundle;

		public ExchangeMode getExchangeMode() {
			return this.exchangeMode;
		}

		public void setExchangeMode(ExchangeMode exchangeMode) {
			this.exchangeMode = exchangeMode;
		}

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
	 * Whether providers may store or train on request data.
	 */
	public enum DataCollection {

		/**
		 * Allow providers that store or train on data.
		 */
		ALLOW,

		/**
		 * Use only providers that neither store nor train on data.
		 */
		DENY

	}

	/**
	 * Order in which OpenRouter tries providers.
	 */
	public enum Sort {

		/**
		 * Lowest price first.
		 */
		PRICE,

		/**
		 * Highest throughput first.
		 */
		THROUGHPUT,

		/**
		 * Lowest latency first.
		 */
		LATENCY,

		/**
		 * OpenRouter's "exacto" ranking, which favours providers with the best tool-calling
		 * accuracy.
		 */
		EXACTO

	}

	/**
	 * How sorting treats the endpoints of fallback models.
	 */
	public enum SortPartition {

		/**
		 * Keep the endpoints of each model together, so the primary model is tried first.
		 */
		MODEL,

		/**
		 * Sort the endpoints of all models together.
		 */
		NONE

	}

	/**
	 * Quantization level of a model's weights.
	 */
	public enum Quantization {

		/**
		 * 4-bit integer.
		 */
		INT4,

		/**
		 * 8-bit integer.
		 */
		INT8,

		/**
		 * 4-bit floating point.
		 */
		FP4,

		/**
		 * 4-bit microscaling floating point.
		 */
		MXFP4,

		/**
		 * NVIDIA 4-bit floating point.
		 */
		NVFP4,

		/**
		 * 6-bit floating point.
		 */
		FP6,

		/**
		 * 8-bit floating point.
		 */
		FP8,

		/**
		 * 8-bit microscaling floating point.
		 */
		MXFP8,

		/**
		 * 16-bit floating point.
		 */
		FP16,

		/**
		 * 16-bit brain floating point.
		 */
		BF16,

		/**
		 * 32-bit floating point.
		 */
		FP32,

		/**
		 * Quantization not reported by the provider.
		 */
		UNKNOWN

	}

	/**
	 * The account behind the key: its limits and usage read in the background for gauges and
	 * the health indicator, and the account balance when a management key is configured.
	 */
	public static class Account {

		/**
		 * Whether to read the key's limits and usage (GET /api/v1/key) in the background, for the
		 * account gauges and the "openrouter" health indicator.
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
