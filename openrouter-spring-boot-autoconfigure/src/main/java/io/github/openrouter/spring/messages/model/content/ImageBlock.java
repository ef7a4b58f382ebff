package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An image content block with a base64 or URL source.
 *
 * @param type the {@code type}, always {@code image}
 * @param source the {@code source} value
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ImageBlock(@JsonProperty("type") String type,
		@JsonProperty("source") BlockSource source,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "image";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code image}
	 * @param source the {@code source} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ImageBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(source, "source");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code image}
	 * @param source the {@code source} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public ImageBlock(String type, BlockSource source, @Nullable CacheControl cacheControl) {
		this(type, source, cacheControl, Map.of());
	}

	/**
	 * Returns an image block with base64 data.
	 * @param mediaType the media type, e.g. {@code image/png}
	 * @param data the base64 data
	 * @return the block
	 */
	public static ImageBlock base64(String mediaType, String data) {
		return new ImageBlock(TYPE, Base64Source.of(mediaType, data), null);
	}

	/**
	 * Returns an image block that references a URL.
	 * @param url the image URL
	 * @return the block
	 */
	public static ImageBlock url(String url) {
		return new ImageBlock(TYPE, UrlSource.of(url), null);
	}

}
