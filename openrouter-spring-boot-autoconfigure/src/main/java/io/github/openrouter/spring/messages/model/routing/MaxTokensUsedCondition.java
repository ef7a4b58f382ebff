package io.github.openrouter.spring.messages.model.routing;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Stops server tools once a number of tokens was used.
 *
 * @param type the {@code type}, always {@code max_tokens_used}
 * @param maxTokens the {@code max_tokens} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record MaxTokensUsedCondition(@JsonProperty("type") String type,
		@JsonProperty("max_tokens") Integer maxTokens) implements StopServerToolsCondition {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "max_tokens_used";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code max_tokens_used}
	 * @param maxTokens the {@code max_tokens} value
	 */
	public MaxTokensUsedCondition {
		type = TYPE;
		Objects.requireNonNull(maxTokens, "max_tokens");
	}

}
