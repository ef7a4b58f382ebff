package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An image or document fetched from a URL.
 *
 * @param type the {@code type}, always {@code url}
 * @param url the {@code url} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record UrlSource(@JsonProperty("type") String type,
		@JsonProperty("url") String url) implements BlockSource {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "url";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code url}
	 * @param url the {@code url} value
	 */
	public UrlSource {
		type = TYPE;
		Objects.requireNonNull(url, "url");
	}

	/**
	 * Returns a URL source.
	 * @param url the URL
	 * @return the source
	 */
	public static UrlSource of(String url) {
		return new UrlSource(TYPE, url);
	}

}
