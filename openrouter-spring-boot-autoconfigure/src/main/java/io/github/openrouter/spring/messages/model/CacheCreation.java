package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Cache-write tokens split by time to live.
 *
 * @param ephemeral5mInputTokens the {@code ephemeral_5m_input_tokens} value, or {@code null}
 * @param ephemeral1hInputTokens the {@code ephemeral_1h_input_tokens} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CacheCreation(@JsonProperty("ephemeral_5m_input_tokens") @Nullable Integer ephemeral5mInputTokens,
		@JsonProperty("ephemeral_1h_input_tokens") @Nullable Integer ephemeral1hInputTokens) {

}
