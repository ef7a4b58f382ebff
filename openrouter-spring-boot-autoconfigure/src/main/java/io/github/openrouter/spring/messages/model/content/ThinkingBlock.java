package io.github.openrouter.spring.messages.model.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Extended thinking of the model; replay it unchanged.
 *
 * @param type the {@code type}, always {@code thinking}
 * @param thinking the {@code thinking} value, empty when absent
 * @param signature the {@code signature} value, empty when absent
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ThinkingBlock(@JsonProperty("type") String type,
		@JsonProperty("thinking") String thinking,
		@JsonProperty("signature") String signature) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "thinking";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code thinking}
	 * @param thinking the {@code thinking} value, empty when absent
	 * @param signature the {@code signature} value, empty when absent
	 */
	public ThinkingBlock {
		type = TYPE;
		thinking = (thinking != null) ? thinking : "";
		signature = (signature != null) ? signature : "";
	}

}
