package io.github.openrouter.spring.messages.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import static io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler.*;

/**
 * The meters of the calls that share one set of base tags (the observation's low-cardinality key
 * values), each registered on first use and then kept, so that recording a call does not build and
 * look up a {@code Meter.Id} per meter. Meters tagged with the serving provider or the routing are
 * kept per tag value; their values are capped, so these maps stay small, and past
 * {@link #MAX_ROUTING_SERIES} routing series the meter is looked up in the registry instead.
 * Registering twice on a race is harmless: the registry returns the same meter.
 */
final class CallMeters {

	static final int MAX_ROUTING_SERIES = 256;

	private final MeterRegistry registry;

	private final Tags tags;

	private volatile @Nullable Timer duration;

	private volatile @Nullable Timer timeToFirstChunk;

	private volatile @Nullable DistributionSummary inputTokens;

	private volatile @Nullable DistributionSummary outputTokens;

	private volatile @Nullable DistributionSummary cacheReadTokens;

	private volatile @Nullable DistributionSummary cacheCreationTokens;

	private volatile @Nullable DistributionSummary reasoningTokens;

	private volatile @Nullable DistributionSummary cost;

	private volatile @Nullable ProviderMeters unknownProvider;

	private final Map<String, ProviderMeters> providers = new ConcurrentHashMap<>();

	private final Map<RoutingTags, DistributionSummary> routing = new ConcurrentHashMap<>();

	CallMeters(MeterRegistry registry, Tags tags) {
		this.registry = registry;
		this.tags = tags;
	}

	Timer duration() {
		Timer timer = this.duration;
		if (timer == null) {
			timer = Timer.builder(OPERATION_DURATION)
				.description("Duration of OpenRouter messages calls")
				.tags(this.tags)
				.register(this.registry);
			this.duration = timer;
		}
		return timer;
	}

	Timer timeToFirstChunk() {
		Timer timer = this.timeToFirstChunk;
		if (timer == null) {
			timer = Timer.builder(TIME_TO_FIRST_CHUNK)
				.description("Time from the start of an OpenRouter stream to its first event")
				.tags(this.tags)
				.register(this.registry);
			this.timeToFirstChunk = timer;
		}
		return timer;
	}

	DistributionSummary inputTokens() {
		DistributionSummary summary = this.inputTokens;
		if (summary == null) {
			summary = tokenUsage("input");
			this.inputTokens = summary;
		}
		return summary;
	}

	DistributionSummary outputTokens() {
		DistributionSummary summary = this.outputTokens;
		if (summary == null) {
			summary = tokenUsage("output");
			this.outputTokens = summary;
		}
		return summary;
	}

	private DistributionSummary tokenUsage(String type) {
		return summary(TOKEN_USAGE, "Tokens used by OpenRouter messages calls", "tokens",
				this.tags.and(TOKEN_TYPE, type));
	}

	DistributionSummary cacheReadTokens() {
		DistributionSummary summary = this.cacheReadTokens;
		if (summary == null) {
			summary = summary(CACHE_READ_TOKENS, "Input tokens read from the prompt cache", "tokens", this.tags);
			this.cacheReadTokens = summary;
		}
		return summary;
	}

	DistributionSummary cacheCreationTokens() {
		DistributionSummary summary = this.cacheCreationTokens;
		if (summary == null) {
			summary = summary(CACHE_CREATION_TOKENS, "Input tokens written to the prompt cache", "tokens", this.tags);
			this.cacheCreationTokens = summary;
		}
		return summary;
	}

	DistributionSummary reasoningTokens() {
		DistributionSummary summary = this.reasoningTokens;
		if (summary == null) {
			summary = summary(REASONING_TOKENS, "Reasoning tokens, part of the output tokens", "tokens", this.tags);
			this.reasoningTokens = summary;
		}
		return summary;
	}

	DistributionSummary cost() {
		DistributionSummary summary = this.cost;
		if (summary == null) {
			summary = summary(COST, "Cost of OpenRouter messages calls", "usd", this.tags);
			this.cost = summary;
		}
		return summary;
	}

	/**
	 * Returns the meters of the calls served by a provider.
	 * @param provider the provider as the response named it, or {@code null}
	 * @param limiter the handler's limiter; consulted only for a provider not seen yet, since a
	 * value within the limit stays within it
	 * @return the meters
	 */
	ProviderMeters provider(@Nullable String provider, TagValueLimiter limiter) {
		if (provider == null || provider.isEmpty()) {
			ProviderMeters meters = this.unknownProvider;
			if (meters == null) {
				meters = new ProviderMeters(this.registry, this.tags.and(PROVIDER, NONE));
				this.unknownProvider = meters;
			}
			return meters;
		}
		ProviderMeters meters = this.providers.get(provider);
		if (meters != null) {
			return meters;
		}
		// Only values within the limit (and _OTHER itself) become keys: at most the limit plus one.
		String value = limiter.limit(PROVIDER, provider);
		return this.providers.computeIfAbsent(value,
				(key) -> new ProviderMeters(this.registry, this.tags.and(PROVIDER, key)));
	}

	/**
	 * Returns the summary of the attempt that served calls with the given routing tags.
	 * @param routingTags the capped routing tag values
	 * @return the summary
	 */
	DistributionSummary routingAttempts(RoutingTags routingTags) {
		DistributionSummary summary = this.routing.get(routingTags);
		if (summary != null) {
			return summary;
		}
		if (this.routing.size() >= MAX_ROUTING_SERIES) {
			return routingAttemptsSummary(routingTags);
		}
		return this.routing.computeIfAbsent(routingTags, this::routingAttemptsSummary);
	}

	private DistributionSummary routingAttemptsSummary(RoutingTags routingTags) {
		Tags routingTagSet = this.tags.and(Tag.of(PROVIDER, routingTags.provider()),
				Tag.of(ROUTING_STRATEGY, routingTags.strategy()), Tag.of(ROUTING_REGION, routingTags.region()),
				Tag.of(BYOK, routingTags.byok()));
		return summary(ROUTING_ATTEMPTS, "Attempt that served an OpenRouter call (1 = first provider)", null,
				routingTagSet);
	}

	private DistributionSummary summary(String name, String description, @Nullable String baseUnit, Tags tags) {
		return DistributionSummary.builder(name)
			.description(description)
			.baseUnit(baseUnit)
			.tags(tags)
			.register(this.registry);
	}

	/**
	 * Capped tag values of {@link MessagesMeterObservationHandler#ROUTING_ATTEMPTS}.
	 *
	 * @param provider the provider
	 * @param strategy the routing strategy
	 * @param region the edge region
	 * @param byok whether the user's own provider key was used
	 */
	record RoutingTags(String provider, String strategy, String region, String byok) {
	}

	/**
	 * The counters of the calls served by one provider.
	 */
	static final class ProviderMeters {

		private final MeterRegistry registry;

		private final Tags tags;

		private final Counter operations;

		private volatile @Nullable Counter fallbacks;

		ProviderMeters(MeterRegistry registry, Tags tags) {
			this.registry = registry;
			this.tags = tags;
			this.operations = Counter.builder(OPERATIONS)
				.description("OpenRouter messages calls by serving provider")
				.tags(tags)
				.register(registry);
		}

		Counter operations() {
			return this.operations;
		}

		Counter fallbacks() {
			Counter counter = this.fallbacks;
			if (counter == null) {
				counter = Counter.builder(FALLBACKS)
					.description("OpenRouter calls served by a model other than the requested one")
					.tags(this.tags)
					.register(this.registry);
				this.fallbacks = counter;
			}
			return counter;
		}

	}

}
