package io.github.openrouter.spring.messages.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Extended thinking with a token budget.
 *
 * @param type the {@code type}, always {@code enabled}
 * @param budgetTokens the {@code budget_tokens} value
 * @param display the {@code display} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record EnabledThinking(@JsonProperty("type") String type,
		@JsonProperty("budget_tokens") Integer budgetTokens,
		@JsonProperty("display") @Nullable String display) implements ThinkingConfig {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "enabled";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code enabled}
	 * @param budgetTokens the {@code budget_tokens} value
	 * @param display the {@code display} value, or {@code null}
	 */
	public EnabledThinking {
		type = TYPE;
		Objects.requireNonNull(budgetTokens, "budget_tokens");
	}

}
