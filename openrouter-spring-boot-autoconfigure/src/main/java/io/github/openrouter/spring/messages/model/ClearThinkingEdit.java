package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Clears old thinking; {@code keep} ({@code "all"}, an object or thinking turns) is kept as JSON.
 *
 * @param type the {@code type}, always {@code clear_thinking_20251015}
 * @param keep the {@code keep} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ClearThinkingEdit(@JsonProperty("type") String type,
		@JsonProperty("keep") @Nullable JsonNode keep) implements ContextEdit {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "clear_thinking_20251015";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code clear_thinking_20251015}
	 * @param keep the {@code keep} value, or {@code null}
	 */
	public ClearThinkingEdit {
		type = TYPE;
	}

}
