package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Encrypted thinking of the model; replay it unchanged.
 *
 * @param type the {@code type}, always {@code redacted_thinking}
 * @param data the {@code data} value
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record RedactedThinkingBlock(@JsonProperty("type") String type,
		@JsonProperty("data") String data,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "redacted_thinking";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code redacted_thinking}
	 * @param data the {@code data} value
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public RedactedThinkingBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(data, "data");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code redacted_thinking}
	 * @param data the {@code data} value
	 */
	public RedactedThinkingBlock(String type, String data) {
		this(type, data, Map.of());
	}

}
