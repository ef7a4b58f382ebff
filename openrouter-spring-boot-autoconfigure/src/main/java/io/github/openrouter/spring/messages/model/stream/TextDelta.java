package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * More text for a text block.
 *
 * @param type the {@code type}, always {@code text_delta}
 * @param text the {@code text} value, required on the wire (an explicit {@code null} reads as empty)
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = StringDeltaDeserializer.Text.class)
public record TextDelta(@JsonProperty("type") String type,
		@JsonProperty(value = "text", required = true) String text,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements Delta {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "text_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code text_delta}
	 * @param text the {@code text} value, required on the wire (an explicit {@code null} reads as empty)
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public TextDelta {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		text = (text != null) ? text : "";
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code text_delta}
	 * @param text the {@code text} value, required on the wire (an explicit {@code null} reads as empty)
	 */
	public TextDelta(String type, String text) {
		this(type, text, Map.of());
	}

}
