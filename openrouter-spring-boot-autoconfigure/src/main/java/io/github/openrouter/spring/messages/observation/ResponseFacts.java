package io.github.openrouter.spring.messages.observation;

import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers and names that observation reads from a response; the one place that knows the model's accessors.
 *
 * @param responseModel model that served the call
 * @param provider provider OpenRouter routed the call to
 * @param stopReason stop reason
 * @param inputTokens {@code usage.input_tokens}, uncached input only
 * @param outputTokens {@code usage.output_tokens}
 * @param cacheReadTokens {@code usage.cache_read_input_tokens}
 * @param cacheCreationTokens {@code usage.cache_creation_input_tokens}
 * @param reasoningTokens {@code usage.output_tokens_details.thinking_tokens}
 * @param cost {@code usage.cost} in USD
 * @param routing routing metadata, present only when opted in
 * @param response the response the facts were read from
 */
record ResponseFacts(@Nullable String responseModel, @Nullable String provider, @Nullable String stopReason,
		@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheReadTokens,
		@Nullable Long cacheCreationTokens, @Nullable Long reasoningTokens, @Nullable Double cost,
		@Nullable Routing routing, MessageResponse response) {

	static ResponseFacts from(MessageResponse response) {
		Usage usage = response.usage();
		Routing routing = Routing.of(response.openrouterMetadata());
		String stopReason = (response.stopReason() != null) ? response.stopReason().value() : null;
		if (usage == null) {
			return new ResponseFacts(response.model(), response.provider(), stopReason, null, null, null, null, null,
					null, routing, response);
		}
		Long reasoning = (usage.outputTokensDetails() != null)
				? toLong(usage.outputTokensDetails().thinkingTokens()) : null;
		Double cost = (usage.cost() != null) ? usage.cost().doubleValue() : null;
		return new ResponseFacts(response.model(), response.provider(), stopReason, toLong(usage.inputTokens()),
				toLong(usage.outputTokens()), toLong(usage.cacheReadInputTokens()),
				toLong(usage.cacheCreationInputTokens()), reasoning, cost, routing, response);
	}

	/**
	 * Returns whether the response reported token usage.
	 * @return {@code true} if input or output tokens are known
	 */
	boolean hasUsage() {
		return this.inputTokens != null || this.outputTokens != null;
	}

	/**
	 * Returns all input tokens: uncached input plus cache reads plus cache writes.
	 * @return the total
	 */
	long totalInputTokens() {
		return orZero(this.inputTokens) + orZero(this.cacheReadTokens) + orZero(this.cacheCreationTokens);
	}

	long totalOutputTokens() {
		return orZero(this.outputTokens);
	}

	private static long orZero(@Nullable Long value) {
		return (value != null) ? value : 0L;
	}

	private static @Nullable Long toLong(@Nullable Number value) {
		return (value != null) ? value.longValue() : null;
	}

	/**
	 * Routing facts from {@code openrouter_metadata}.
	 *
	 * @param attempt 1-based attempt that served the call
	 * @param strategy routing strategy
	 * @param region edge region
	 * @param byok whether the user's own provider key was used
	 */
	record Routing(@Nullable Long attempt, @Nullable String strategy, @Nullable String region,
			@Nullable Boolean byok) {

		private static final JsonMapper MAPPER = JsonMapper.builder().build();

		static @Nullable Routing of(@Nullable OpenRouterMetadata metadata) {
			if (metadata == null) {
				return null;
			}
			String strategy = (metadata.strategy() != null) ? metadata.strategy().value() : null;
			return new Routing(toLong(metadata.attempt()), strategy, metadata.region(), metadata.isByok());
		}

		/**
		 * Returns the routing facts that a failure carries: the {@code openrouter_metadata} of an
		 * API error's body or of a stream's {@code error} event.
		 * @param error the failure, or {@code null}
		 * @return the facts, or {@code null} if the failure carries none
		 */
		static @Nullable Routing ofFailure(@Nullable Throwable error) {
			if (error instanceof OpenRouterApiException api && api.openRouterMetadata() != null) {
				try {
					return of(MAPPER.treeToValue(api.openRouterMetadata(), OpenRouterMetadata.class));
				}
				catch (JacksonException ex) {
					return null;
				}
			}
			if (error instanceof OpenRouterStreamException stream && stream.partialMessage() != null) {
				return of(stream.partialMessage().openrouterMetadata());
			}
			return null;
		}

	}

}
