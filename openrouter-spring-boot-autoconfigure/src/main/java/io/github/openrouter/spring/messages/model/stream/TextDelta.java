package io.github.openrouter.spring.messages.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * More text for a text block.
 *
 * @param type the {@code type}, always {@code text_delta}
 * @param text the {@code text} value, required on the wire (an explicit {@code null} reads as empty)
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextDelta(@JsonProperty("type") String type,
		@JsonProperty(value = "text", required = true) String text) implements Delta {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "text_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code text_delta}
	 * @param text the {@code text} value, required on the wire (an explicit {@code null} reads as empty)
	 */
	public TextDelta {
		type = TYPE;
		text = (text != null) ? text : "";
	}

}
