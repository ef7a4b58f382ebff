package io.github.openrouter.spring.messages.model.content;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Extended thinking of the model; replay it unchanged.
 *
 * @param type the {@code type}, always {@code thinking}
 * @param thinking the {@code thinking} value, empty when absent
 * @param signature the {@code signature} value, empty when absent
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ThinkingBlock(@JsonProperty("type") String type,
		@JsonProperty("thinking") String thinking,
		@JsonProperty("signature") String signature,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "thinking";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code thinking}
	 * @param thinking the {@code thinking} value, empty when absent
	 * @param signature the {@code signature} value, empty when absent
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ThinkingBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		thinking = (thinking != null) ? thinking : "";
		signature = (signature != null) ? signature : "";
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code thinking}
	 * @param thinking the {@code thinking} value, empty when absent
	 * @param signature the {@code signature} value, empty when absent
	 */
	public ThinkingBlock(String type, String thinking, String signature) {
		this(type, thinking, signature, Map.of());
	}

}
