package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Inline base64 data of an image or PDF.
 *
 * @param type the {@code type}, always {@code base64}
 * @param mediaType the {@code media_type} value
 * @param data the {@code data} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record Base64Source(@JsonProperty("type") String type,
		@JsonProperty("media_type") String mediaType,
		@JsonProperty("data") String data) implements BlockSource {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "base64";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code base64}
	 * @param mediaType the {@code media_type} value
	 * @param data the {@code data} value
	 */
	public Base64Source {
		type = TYPE;
		Objects.requireNonNull(mediaType, "media_type");
		Objects.requireNonNull(data, "data");
	}

	/**
	 * Returns a base64 source.
	 * @param mediaType the media type
	 * @param data the base64 data
	 * @return the source
	 */
	public static Base64Source of(String mediaType, String data) {
		return new Base64Source(TYPE, mediaType, data);
	}

}
