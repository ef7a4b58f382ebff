package io.github.openrouter.spring.messages.model.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A text content block, optionally with a cache breakpoint and citations.
 *
 * @param type the {@code type}, always {@code text}
 * @param text the {@code text} value, empty when absent
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param citations the {@code citations} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextBlock(@JsonProperty("type") String type,
		@JsonProperty("text") String text,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonProperty("citations") @Nullable List<Citation> citations) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "text";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code text}
	 * @param text the {@code text} value, empty when absent
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param citations the {@code citations} value, or {@code null}
	 */
	public TextBlock {
		type = TYPE;
		text = (text != null) ? text : "";
		citations = (citations != null) ? List.copyOf(citations) : null;
	}

	/**
	 * Returns a text block.
	 * @param text the text
	 * @return the block
	 */
	public static TextBlock of(String text) {
		return new TextBlock(TYPE, text, null, null);
	}

	/**
	 * Returns a copy of this block with a cache breakpoint.
	 * @param cacheControl the cache control
	 * @return the new block
	 */
	public TextBlock withCacheControl(@Nullable CacheControl cacheControl) {
		return new TextBlock(TYPE, this.text, cacheControl, this.citations);
	}

}
