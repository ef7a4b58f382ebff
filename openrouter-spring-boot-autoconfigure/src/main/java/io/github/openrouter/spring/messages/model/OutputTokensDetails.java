package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Breakdown of output tokens.
 *
 * @param thinkingTokens the {@code thinking_tokens} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutputTokensDetails(@JsonProperty("thinking_tokens") @Nullable Integer thinkingTokens) {

}
