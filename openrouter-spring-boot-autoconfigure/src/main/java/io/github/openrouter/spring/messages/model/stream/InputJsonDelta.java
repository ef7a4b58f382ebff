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
 * A fragment of a tool call's JSON input; join all fragments, then parse.
 *
 * @param type the {@code type}, always {@code input_json_delta}
 * @param partialJson the {@code partial_json} value, required on the wire (an explicit {@code null} reads as empty)
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = StringDeltaDeserializer.InputJson.class)
public record InputJsonDelta(@JsonProperty("type") String type,
		@JsonProperty(value = "partial_json", required = true) String partialJson,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements Delta {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "input_json_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code input_json_delta}
	 * @param partialJson the {@code partial_json} value, required on the wire (an explicit {@code null} reads as empty)
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public InputJsonDelta {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		partialJson = (partialJson != null) ? partialJson : "";
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code input_json_delta}
	 * @param partialJson the {@code partial_json} value, required on the wire (an explicit {@code null} reads as empty)
	 */
	public InputJsonDelta(String type, String partialJson) {
		this(type, partialJson, Map.of());
	}

}
