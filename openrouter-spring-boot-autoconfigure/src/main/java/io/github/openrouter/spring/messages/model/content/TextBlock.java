package io.github.openrouter.spring.messages.model.content;

import java.util.List;
import java.util.Map;

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
 * A text content block, optionally with a cache breakpoint and citations.
 *
 * @param type the {@code type}, always {@code text}
 * @param text the {@code text} value, empty when absent
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param citations the {@code citations} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextBlock(@JsonProperty("type") String type,
		@JsonProperty("text") String text,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonProperty("citations") @Nullable List<Citation> citations,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "text";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code text}
	 * @param text the {@code text} value, empty when absent
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param citations the {@code citations} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public TextBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		text = (text != null) ? text : "";
		citations = (citations != null) ? List.copyOf(citations) : null;
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code text}
	 * @param text the {@code text} value, empty when absent
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param citations the {@code citations} value, or {@code null}
	 */
	public TextBlock(String type, String text, @Nullable CacheControl cacheControl, @Nullable List<Citation> citations) {
		this(type, text, cacheControl, citations, Map.of());
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
		return new TextBlock(TYPE, this.text, cacheControl, this.citations, this.additionalProperties);
	}

}
