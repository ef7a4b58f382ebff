package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Usage of one iteration (message, compaction, advisor message) of a multi-step response.
 *
 * @param type the {@code type} value, or {@code null}
 * @param inputTokens the {@code input_tokens} value, or {@code null}
 * @param outputTokens the {@code output_tokens} value, or {@code null}
 * @param cacheCreationInputTokens the {@code cache_creation_input_tokens} value, or {@code null}
 * @param cacheReadInputTokens the {@code cache_read_input_tokens} value, or {@code null}
 * @param cacheCreation the {@code cache_creation} value, or {@code null}
 * @param model the {@code model} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageIteration(@JsonProperty("type") @Nullable String type,
		@JsonProperty("input_tokens") @Nullable Integer inputTokens,
		@JsonProperty("output_tokens") @Nullable Integer outputTokens,
		@JsonProperty("cache_creation_input_tokens") @Nullable Integer cacheCreationInputTokens,
		@JsonProperty("cache_read_input_tokens") @Nullable Integer cacheReadInputTokens,
		@JsonProperty("cache_creation") @Nullable CacheCreation cacheCreation,
		@JsonProperty("model") @Nullable String model) {

}
