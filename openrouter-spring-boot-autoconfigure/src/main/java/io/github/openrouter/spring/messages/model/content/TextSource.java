package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A plain-text document.
 *
 * @param type the {@code type}, always {@code text}
 * @param mediaType the {@code media_type} value, or {@code null}
 * @param data the {@code data} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextSource(@JsonProperty("type") String type,
		@JsonProperty("media_type") @Nullable String mediaType,
		@JsonProperty("data") String data) implements BlockSource {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "text";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code text}
	 * @param mediaType the {@code media_type} value, or {@code null}
	 * @param data the {@code data} value
	 */
	public TextSource {
		type = TYPE;
		Objects.requireNonNull(data, "data");
	}

	/**
	 * Returns a {@code text/plain} source.
	 * @param data the text
	 * @return the source
	 */
	public static TextSource of(String data) {
		return new TextSource(TYPE, "text/plain", data);
	}

}
