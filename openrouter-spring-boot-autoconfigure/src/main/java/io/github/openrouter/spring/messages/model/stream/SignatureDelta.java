package io.github.openrouter.spring.messages.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The signature of a thinking block.
 *
 * @param type the {@code type}, always {@code signature_delta}
 * @param signature the {@code signature} value, required on the wire (an explicit {@code null} reads as empty)
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record SignatureDelta(@JsonProperty("type") String type,
		@JsonProperty(value = "signature", required = true) String signature) implements Delta {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "signature_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code signature_delta}
	 * @param signature the {@code signature} value, required on the wire (an explicit {@code null} reads as empty)
	 */
	public SignatureDelta {
		type = TYPE;
		signature = (signature != null) ? signature : "";
	}

}
