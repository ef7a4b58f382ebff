package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Encrypted thinking of the model; replay it unchanged.
 *
 * @param type the {@code type}, always {@code redacted_thinking}
 * @param data the {@code data} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record RedactedThinkingBlock(@JsonProperty("type") String type,
		@JsonProperty("data") String data) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "redacted_thinking";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code redacted_thinking}
	 * @param data the {@code data} value
	 */
	public RedactedThinkingBlock {
		type = TYPE;
		Objects.requireNonNull(data, "data");
	}

}
