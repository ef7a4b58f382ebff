package io.github.openrouter.spring.messages.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * Records the meters of a messages call when its observation stops: the OpenTelemetry GenAI
 * client metrics and OpenRouter's routing, cache, reasoning and cost meters.
 *
 * <p>
 * This is the only class of the client that needs {@code micrometer-core}; nothing else
 * refers to it. It is deliberately a plain {@link ObservationHandler}, not a
 * {@code MeterObservationHandler}, so that Spring Boot registers it next to (and not instead
 * of) its default meter handler. Every meter carries the observation's low-cardinality key
 * values; every tag value is capped per key (overflow becomes {@code _OTHER}).
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

	private static final String NONE = DefaultMessagesObservationConvention.NONE;

	private final MeterRegistry registry;

	private final TagValueLimiter limiter;

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
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof MessagesObservationContext;
	}

	@Override
	public void onStart(MessagesObservationContext context) {
		context.put(StartTime.class, new StartTime(this.registry.config().clock().monotonicTime()));
	}

	@Override
	public void onStop(MessagesObservationContext context) {
		Tags tags = baseTags(context);
		StartTime start = context.get(StartTime.class);
		if (start != null) {
			long elapsed = this.registry.config().clock().monotonicTime() - start.nanos();
			Timer.builder(OPERATION_DURATION)
				.description("Duration of OpenRouter messages calls")
				.tags(tags)
				.register(this.registry)
				.record(elapsed, TimeUnit.NANOSECONDS);
		}
		if (context.isStreaming() && context.getTimeToFirstChunk() != null) {
			Timer.builder(TIME_TO_FIRST_CHUNK)
				.description("Time from the start of an OpenRouter stream to its first event")
				.tags(tags)
				.register(this.registry)
				.record(context.getTimeToFirstChunk());
		}
		MessageResponse response = context.getResponse();
		ResponseFacts facts = (response != null) ? ResponseFacts.from(response) : null;
		recordOperation(tags, facts);
		if (facts == null) {
			return;
		}
		recordTokens(tags, facts);
		if (facts.cost() != null) {
			summary(COST, "Cost of OpenRouter messages calls", "usd", tags).record(facts.cost());
		}
		String requestModel = context.getRequestModel();
		if (isFallback(requestModel, facts.responseModel())) {
			Counter.builder(FALLBACKS)
				.description("OpenRouter calls served by a model other than the requested one")
				.tags(tags)
				.tag(PROVIDER, capped(PROVIDER, facts.provider()))
				.register(this.registry)
				.increment();
		}
		ResponseFacts.Routing routing = facts.routing();
		if (routing != null && routing.attempt() != null) {
			Tags routingTags = tags.and(Tag.of(PROVIDER, capped(PROVIDER, facts.provider())),
					Tag.of(ROUTING_STRATEGY, capped(ROUTING_STRATEGY, routing.strategy())),
					Tag.of(ROUTING_REGION, capped(ROUTING_REGION, routing.region())),
					Tag.of(BYOK, (routing.byok() != null) ? routing.byok().toString() : NONE));
			summary(ROUTING_ATTEMPTS, "Attempt that served an OpenRouter call (1 = first provider)", null,
					routingTags)
				.record(routing.attempt());
		}
	}

	private void recordOperation(Tags tags, @Nullable ResponseFacts facts) {
		Counter.builder(OPERATIONS)
			.description("OpenRouter messages calls by serving provider")
			.tags(tags)
			.tag(PROVIDER, capped(PROVIDER, (facts != null) ? facts.provider() : null))
			.register(this.registry)
			.increment();
	}

	private void recordTokens(Tags tags, ResponseFacts facts) {
		if (facts.hasUsage()) {
			summary(TOKEN_USAGE, "Tokens used by OpenRouter messages calls", "tokens",
					tags.and(TOKEN_TYPE, "input"))
				.record(facts.totalInputTokens());
			summary(TOKEN_USAGE, "Tokens used by OpenRouter messages calls", "tokens",
					tags.and(TOKEN_TYPE, "output"))
				.record(facts.totalOutputTokens());
		}
		if (facts.cacheReadTokens() != null) {
			summary(CACHE_READ_TOKENS, "Input tokens read from the prompt cache", "tokens", tags)
				.record(facts.cacheReadTokens());
		}
		if (facts.cacheCreationTokens() != null) {
			summary(CACHE_CREATION_TOKENS, "Input tokens written to the prompt cache", "tokens", tags)
				.record(facts.cacheCreationTokens());
		}
		if (facts.reasoningTokens() != null) {
			summary(REASONING_TOKENS, "Reasoning tokens, part of the output tokens", "tokens", tags)
				.record(facts.reasoningTokens());
		}
	}

	private DistributionSummary summary(String name, String description, @Nullable String baseUnit, Tags tags) {
		return DistributionSummary.builder(name)
			.description(description)
			.baseUnit(baseUnit)
			.tags(tags)
			.register(this.registry);
	}

	private Tags baseTags(MessagesObservationContext context) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			tags.add(Tag.of(keyValue.getKey(), capped(keyValue.getKey(), keyValue.getValue())));
		}
		return Tags.of(tags);
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
		return !baseSlug(requested).equals(baseSlug(served));
	}

	private static String baseSlug(String model) {
		int colon = model.indexOf(':');
		return ((colon >= 0) ? model.substring(0, colon) : model).toLowerCase(Locale.ROOT);
	}

	private record StartTime(long nanos) {
	}

}
