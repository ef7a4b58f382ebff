package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
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
 * Every group is an immutable record whose defaults are its {@link DefaultValue}s.
 *
 * <p>
 * The properties validate themselves when they are bound (see
 * {@code OpenRouterPropertiesValidator}), so an invalid value fails startup with a message that
 * names the property. The API key is checked later, when the client is built, because it may
 * come from the {@code OPENROUTER_API_KEY} environment variable or from an
 * {@link OpenRouterConnectionDetails} bean instead.
 *
 * @param apiKey API key sent as a bearer token. When not set, the OPENROUTER_API_KEY environment
 * variable is used.
 * @param baseUrl Base URL of the OpenRouter API; requests go to its "/messages" path.
 * @param defaultModel Model used when a request does not name one, for example
 * "anthropic/claude-sonnet-4".
 * @param fallbackModels Models OpenRouter tries, in order, when the requested model fails. At
 * most 3.
 * @param routingMetadata Whether to ask OpenRouter to add routing metadata (openrouter_metadata)
 * to every response.
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
@ConfigurationProperties("openrouter")
public record OpenRouterProperties(@Nullable String apiKey,
		@DefaultValue("https://openrouter.ai/api/v1") String baseUrl, @Nullable String defaultModel,
		@DefaultValue List<String> fallbackModels, boolean routingMetadata, @DefaultValue Provider provider,
		@DefaultValue App app, @DefaultValue Timeouts timeouts, @DefaultValue Retry retry, @DefaultValue Metrics metrics,
		@DefaultValue WireLogging wireLogging, @DefaultValue Http http, @DefaultValue Streaming streaming,
		@DefaultValue Account account) implements Validator {

	/**
	 * Largest number of fallback models OpenRouter accepts.
	 */
	public static final int MAX_FALLBACK_MODELS = 3;

	@Override
	public boolean supports(Class<?> type) {
		return OpenRouterProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		new OpenRouterPropertiesValidator((OpenRouterProperties) target, errors).validate();
	}

	/**
	 * Returns the properties without the API key.
	 */
	@Override
	public String toString() {
		return "OpenRouterProperties[baseUrl=" + this.baseUrl + ", defaultModel=" + this.defaultModel
				+ ", fallbackModels=" + this.fallbackModels + ", routingMetadata=" + this.routingMetadata + ", provider="
				+ this.provider + ", app=" + this.app + ", timeouts=" + this.timeouts + ", retry=" + this.retry
				+ ", metrics=" + this.metrics + ", wireLogging=" + this.wireLogging + ", http=" + this.http
				+ ", streaming=" + this.streaming + ", account=" + this.account + "]";
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
	 *
	 * @param referer URL of the application, sent as the HTTP-Referer header.
	 * @param title Name of the application, sent as the X-OpenRouter-Title header.
	 * @param categories Categories of the application, sent comma-separated as the
	 * X-OpenRouter-Categories header.
	 */
	public record App(@Nullable String referer, @Nullable String title, @DefaultValue List<String> categories) {

	}

	/**
	 * Timeouts of every call. Those left unset take the defaults described here; Spring Boot's
	 * {@code spring.http.clients.connect-timeout} and {@code read-timeout} count as set.
	 *
	 * @param connect Time to establish a connection. When not set,
	 * spring.http.clients.connect-timeout is used, else 10s.
	 * @param firstByte Time from sending a request to the first byte of the response. When not set,
	 * a stream waits up to 60s and a non-streaming call up to 60s or 1h per 128,000 max_tokens,
	 * whichever is longer, never more than the total timeout.
	 * @param streamIdle Longest silence of the server while the reader waits for the next chunk of a
	 * stream or of a response body; keep-alive comments reset it. When not set,
	 * spring.http.clients.read-timeout is used, else 60s.
	 * @param total Time budget of a whole call, retries included.
	 */
	public record Timeouts(@Nullable Duration connect, @Nullable Duration firstByte, @Nullable Duration streamIdle,
			@DefaultValue("10m") Duration total) {

	}

	/**
	 * Retries of failed attempts: exponential backoff with jitter.
	 *
	 * @param maxAttempts Attempts in all, the first one included; 1 disables retries.
	 * @param initialBackoff Delay before the first retry.
	 * @param maxBackoff Upper bound of one delay between attempts.
	 * @param multiplier Factor applied to the delay after each retry.
	 * @param jitter Random spread of each delay, from 0 (none) to 1 (up to 100%).
	 * @param maxRetryAfter Longest Retry-After the client waits for; a longer one ends the call.
	 * @param retryFirstByteTimeouts Whether a non-streaming call whose answer did not start within
	 * the first-byte timeout is tried again. Off because the first attempt may still be generating,
	 * and be billed.
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
			@DefaultValue("8s") Duration maxBackoff, @DefaultValue("2.0") double multiplier,
			@DefaultValue("0.2") double jitter, @DefaultValue("60s") Duration maxRetryAfter,
			boolean retryFirstByteTimeouts) {

	}

	/**
	 * Meters recorded for every call.
	 *
	 * @param enabled Whether to record OpenRouter meters.
	 * @param maxTagValues Largest number of distinct values of one tag, such as model or provider;
	 * further values are recorded as "_OTHER".
	 */
	public record Metrics(@DefaultValue("true") boolean enabled, @DefaultValue("100") int maxTagValues) {

	}

	/**
	 * Logging of request and response bodies at DEBUG level, with the API key redacted.
	 *
	 * @param enabled Whether to log request and response bodies at DEBUG level.
	 * @param maxBodyChars Largest number of characters of one body to log; longer bodies are
	 * truncated.
	 */
	public record WireLogging(boolean enabled, @DefaultValue("4096") int maxBodyChars) {

	}

	/**
	 * HTTP connections of the client. The connector comes from Spring Boot's
	 * {@code ClientHttpConnectorBuilder} with its {@code spring.http.clients.*} settings; these
	 * properties override only what they set.
	 *
	 * @param maxConnections Most connections the client's pool opens at once; further calls wait for
	 * a free connection. Reactor Netty connector only.
	 * @param pendingAcquireTimeout Longest a call waits for a free connection of the client's pool
	 * before failing. Reactor Netty connector only.
	 * @param maxIdleTime How long an unused connection of the client's pool stays open. Reactor Netty
	 * connector only.
	 * @param sslBundle Name of the SSL bundle (spring.ssl.bundle.*) that secures HTTPS calls, for
	 * example to trust a corporate proxy's CA. When not set, the bundle of
	 * spring.http.clients.ssl.bundle is used, if any; otherwise the JDK's defaults.
	 * @param allowInsecureHttp Whether to allow an http:// base URL for a host other than loopback
	 * (localhost, 127.0.0.0/8, [::1]); the API key then travels in clear text.
	 */
	public record Http(@DefaultValue("500") int maxConnections, @DefaultValue("45s") Duration pendingAcquireTimeout,
			@DefaultValue("30s") Duration maxIdleTime, @Nullable String sslBundle, boolean allowInsecureHttp) {

	}

	/**
	 * Streaming settings.
	 *
	 * @param keepPartialMessage Whether a stream keeps the content received so far, so that the
	 * exception of a stream that fails or ends early carries the partial message; when false, memory
	 * per open stream does not grow with the answer and that message has metadata and usage only.
	 */
	public record Streaming(@DefaultValue("true") boolean keepPartialMessage) {

	}

	/**
	 * The account behind the key: its limits and usage read in the background for gauges and the
	 * health indicator, and the account balance when a management key is configured.
	 *
	 * @param enabled Whether to read the key's limits and usage (GET /api/v1/key, at startup and every
	 * refresh interval) in the background, for the account gauges and the "openrouter" health
	 * indicator.
	 * @param refreshInterval How often the key's limits and usage (and the balance, with a
	 * management key) are read.
	 * @param managementKey Management key, needed to read the account balance (GET
	 * /api/v1/credits). When not set, the balance is not read. Never logged or shown.
	 * @param lowCreditThreshold Remaining credit, in USD, under which the health indicator reports
	 * LOW_CREDIT.
	 * @param downWhenUnusable Whether a rejected or expired key, or no credit left, turns the health
	 * indicator DOWN (and with it the aggregate health). By default it shows a status of its own
	 * that the aggregate ignores.
	 */
	public record Account(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration refreshInterval,
			@Nullable String managementKey, @DefaultValue("1") BigDecimal lowCreditThreshold,
			boolean downWhenUnusable) {

		/**
		 * Returns the account settings without the management key.
		 */
		@Override
		public String toString() {
			return "Account[enabled=" + this.enabled + ", refreshInterval=" + this.refreshInterval
					+ ", lowCreditThreshold=" + this.lowCreditThreshold + ", downWhenUnusable="
					+ this.downWhenUnusable + "]";
		}

	}

}
