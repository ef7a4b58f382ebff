package io.github.openrouter.spring.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Token counts of one chat answer, as OpenRouter reported them.
 *
 * @param inputTokens uncached input tokens
 * @param outputTokens output tokens
 * @param cacheCreationInputTokens input tokens written to the prompt cache
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @since 0.1.0
 */
public record ChatUsage(@JsonProperty("input_tokens") int inputTokens,
		@JsonProperty("output_tokens") int outputTokens,
		@JsonProperty("cache_creation_input_tokens") int cacheCreationInputTokens,
		@JsonProperty("cache_read_input_tokens") int cacheReadInputTokens) {

	static ChatUsage from(@Nullable Usage usage) {
		if (usage == null) {
			return new ChatUsage(0, 0, 0, 0);
		}
		return new ChatUsage(orZero(usage.inputTokens()), orZero(usage.outputTokens()),
				orZero(usage.cacheCreationInputTokens()), orZero(usage.cacheReadInputTokens()));
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

}
