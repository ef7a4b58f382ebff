package io.github.openrouter.spring.messages.observation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Records the meters of a messages call when its observation stops: the OpenTelemetry GenAI
 * client metrics and OpenRouter's routing, cache, reasoning and cost meters.
 *
 * <p>
 * This class (with the package-private holder of its meters) is the only one of the client
 * that needs {@code micrometer-core}; nothing else refers to it. It is deliberately a plain {@link ObservationHandler}, not a
 * {@code MeterObservationHandler}, so that Spring Boot registers it next to (and not instead
 * of) its default meter handler. Every meter carries the observation's low-cardinality key
 * values; every tag value is capped per key (overflow becomes {@code _OTHER}).
 *
 * <p>
 * The handler keeps the meters it registered, per set of base tags (up to 1,000 sets; calls
 * with other sets look their meters up in the registry),
 * so that recording a call does not build a {@code Meter.Id} per meter, the usual Micrometer
 * pattern. Like any kept meter, these are not re-registered when a {@code MeterFilter} is added
 * to the registry after the first call: configure filters before recording (Spring Boot does).
 * When the registry removes a meter (for example on {@code clear()}), the handler drops the
 * meters it kept and registers them again on the next call.
 *
 * @since 0.1.0
 */
public class MessagesMeterObservationHandler implements ObservationHandler<MessagesObservationContext> {

	/**
	 * Timer: duration of a call in seconds (OTel histogram {@code gen_ai.client.operation.duration}).
	 */
	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

	/**
	 * Distribution summary: tokens per call, tagged {@code gen_ai.token.type} {@code input|output}.
	 */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/**
	 * Timer: time from the start of a stream to its first event; streams only.
	 */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/**
	 * Distribution summary: tokens read from the prompt cache.
	 */
	public static final String CACHE_READ_TOKENS = "openrouter.client.token.cache_read";

	/**
	 * Distribution summary: tokens written to the prompt cache.
	 */
	public static final String CACHE_CREATION_TOKENS = "openrouter.client.token.cache_creation";

	/**
	 * Distribution summary: reasoning (thinking) tokens, part of the output tokens.
	 */
	public static final String REASONING_TOKENS = "openrouter.client.token.reasoning";

	/**
	 * Distribution summary: cost of a call in USD, when the response reports it.
	 */
	public static final String COST = "openrouter.client.cost";

	/**
	 * Counter: calls, tagged with the provider that served them ({@code openrouter.provider}).
	 */
	public static final String OPERATIONS = "openrouter.client.operations";

	/**
	 * Counter: calls served by a model other than the requested one.
	 */
	public static final String FALLBACKS = "openrouter.client.fallbacks";

	/**
	 * Distribution summary: the 1-based attempt that served a call, when routing metadata is present.
	 */
	public static final String ROUTING_ATTEMPTS = "openrouter.client.routing.attempts";

	/**
	 * Tag key of the token type of {@link #TOKEN_USAGE}.
	 */
	public static final String TOKEN_TYPE = "gen_ai.token.type";

	/**
	 * Tag key of the provider that served a call.
	 */
	public static final String PROVIDER = "openrouter.provider";

	/**
	 * Tag key of the routing strategy.
	 */
	public static final String ROUTING_STRATEGY = "openrouter.routing.strategy";

	/**
	 * Tag key of the edge region.
	 */
	public static final String ROUTING_REGION = "openrouter.routing.region";

	/**
	 * Tag key saying whether the user's own provider key was used.
	 */
	public static final String BYOK = "openrouter.byok";

	static final String NONE = DefaultMessagesObservationConvention.NONE;

	/**
	 * Most base-tag sets whose meters are kept; calls with other sets look their meters up in the
	 * registry each time.
	 */
	static final int MAX_CACHED_TAG_SETS = 1_000;

	private final MeterRegistry registry;

	private final TagValueLimiter limiter;

	/**
	 * Meters by the observation's low-cardinality key values, for sets whose values are all within
	 * the limit: such a set maps to the same tags on every call, so that the limiter need not be
	 * asked again.
	 */
	private final Map<KeyValues, CallMeters> metersByKeyValues = new ConcurrentHashMap<>();

	/**
	 * Meters by capped tags, for sets with a value past the limit (or empty).
	 */
	private final Map<Tags, CallMeters> metersByTags = new ConcurrentHashMap<>();

	/**
	 * Creates a handler that keeps {@value DefaultMessagesObservationConvention#DEFAULT_MAX_TAG_VALUES}
	 * distinct values per tag key.
	 * @param registry the registry to record to
	 */
	public MessagesMeterObservationHandler(MeterRegistry registry) {
		this(registry, DefaultMessagesObservationConvention.DEFAULT_MAX_TAG_VALUES);
	}

	/**
	 * Creates a handler.
	 * @param registry the registry to record to
	 * @param maxTagValues distinct values kept per tag key before {@code _OTHER}; at least 1
	 */
	public MessagesMeterObservationHandler(MeterRegistry registry, int maxTagValues) {
		this.registry = registry;
		this.limiter = new TagValueLimiter(maxTagValues);
		registry.config().onMeterRemoved((meter) -> forgetMeters());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof MessagesObservationContext;
	}

	@Override
	public void onStart(MessagesObservationContext context) {
		context.setMeterStartNanos(this.registry.config().clock().monotonicTime());
	}

	@Override
	public void onStop(MessagesObservationContext context) {
		CallMeters meters = meters(context);
		if (context.hasMeterStart()) {
			long elapsed = this.registry.config().clock().monotonicTime() - context.getMeterStartNanos();
			meters.duration().record(elapsed, TimeUnit.NANOSECONDS);
		}
		Duration timeToFirstChunk = context.getTimeToFirstChunk();
		if (context.isStreaming() && timeToFirstChunk != null) {
			meters.timeToFirstChunk().record(timeToFirstChunk);
		}
		ResponseFacts facts = context.responseFacts();
		CallMeters.ProviderMeters provider = meters.provider((facts != null) ? facts.provider() : null, this.limiter);
		provider.operations().increment();
		ResponseFacts.Routing routing = (facts != null) ? facts.routing() : null;
		if (routing == null) {
			// an API error or a stream's error event may carry the routing of the failed call
			routing = ResponseFacts.Routing.ofFailure(context.getError());
		}
		if (routing != null && routing.attempt() != null) {
			CallMeters.RoutingTags routingTags = new CallMeters.RoutingTags(
					capped(PROVIDER, (facts != null) ? facts.provider() : null),
					capped(ROUTING_STRATEGY, routing.strategy()), capped(ROUTING_REGION, routing.region()),
					(routing.byok() != null) ? routing.byok().toString() : NONE);
			meters.routingAttempts(routingTags).record(routing.attempt());
		}
		if (facts == null) {
			return;
		}
		if (facts.hasUsage()) {
			meters.inputTokens().record(facts.totalInputTokens());
			meters.outputTokens().record(facts.totalOutputTokens());
		}
		if (facts.cacheReadTokens() != null) {
			meters.cacheReadTokens().record(facts.cacheReadTokens());
		}
		if (facts.cacheCreationTokens() != null) {
			meters.cacheCreationTokens().record(facts.cacheCreationTokens());
		}
		if (facts.reasoningTokens() != null) {
			meters.reasoningTokens().record(facts.reasoningTokens());
		}
		if (facts.cost() != null) {
			meters.cost().record(facts.cost());
		}
		if (isFallback(context.getRequestModel(), facts.responseModel())) {
			provider.fallbacks().increment();
		}
	}

	/**
	 * Returns the meters of a call: kept ones for a base-tag set seen before (and within
	 * {@link #MAX_CACHED_TAG_SETS}), else new ones.
	 */
	private CallMeters meters(MessagesObservationContext context) {
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		CallMeters meters = this.metersByKeyValues.get(keyValues);
		if (meters != null) {
			return meters;
		}
		List<Tag> tagList = new ArrayList<>();
		boolean allWithinLimit = true;
		for (KeyValue keyValue : keyValues) {
			String value = capped(keyValue.getKey(), keyValue.getValue());
			allWithinLimit &= value.equals(keyValue.getValue());
			tagList.add(Tag.of(keyValue.getKey(), value));
		}
		Tags tags = Tags.of(tagList);
		if (allWithinLimit) {
			return cached(this.metersByKeyValues, keyValues, tags);
		}
		return cached(this.metersByTags, tags, tags);
	}

	private <K> CallMeters cached(Map<K, CallMeters> cache, K key, Tags tags) {
		CallMeters meters = cache.get(key);
		if (meters != null) {
			return meters;
		}
		if (this.metersByKeyValues.size() + this.metersByTags.size() >= MAX_CACHED_TAG_SETS) {
			return new CallMeters(this.registry, tags);
		}
		return cache.computeIfAbsent(key, (k) -> new CallMeters(this.registry, tags));
	}

	/**
	 * Drops the kept meters when the registry removes a meter (for example on {@code clear()}),
	 * so that later calls register theirs again rather than record into removed ones.
	 */
	private void forgetMeters() {
		this.metersByKeyValues.clear();
		this.metersByTags.clear();
	}

	private String capped(String key, @Nullable String value) {
		return (value != null && !value.isEmpty()) ? this.limiter.limit(key, value) : NONE;
	}

	/**
	 * Returns whether a call was served by a model other than the one requested. Variant suffixes
	 * ({@code :nitro}, {@code :free}, ...) are ignored, and routers ({@code openrouter/auto},
	 * {@code ~...} aliases) never count, since they choose the model by design.
	 * @param requested the requested model
	 * @param served the model that served the call
	 * @return whether a fallback was taken
	 */
	static boolean isFallback(@Nullable String requested, @Nullable String served) {
		if (requested == null || served == null || requested.startsWith("~")
				|| requested.startsWith("openrouter/")) {
			return false;
		}
		int length = baseSlugLength(requested);
		if (length != baseSlugLength(served)) {
			return true;
		}
		// The exact comparison is the common case and much cheaper than the case-insensitive one.
		return !requested.regionMatches(0, served, 0, length) && !requested.regionMatches(true, 0, served, 0, length);
	}

	private static int baseSlugLength(String model) {
		int colon = model.indexOf(':');
		return (colon >= 0) ? colon : model.length();
	}

}
