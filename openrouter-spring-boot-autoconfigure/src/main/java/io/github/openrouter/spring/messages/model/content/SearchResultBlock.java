package io.github.openrouter.spring.messages.model.content;

import java.util.List;
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
 * A search result supplied by the client, citable by the model.
 *
 * @param type the {@code type}, always {@code search_result}
 * @param source the {@code source} value
 * @param title the {@code title} value
 * @param content the {@code content} value
 * @param citations the {@code citations} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record SearchResultBlock(@JsonProperty("type") String type,
		@JsonProperty("source") String source,
		@JsonProperty("title") String title,
		@JsonProperty("content") List<TextBlock> content,
		@JsonProperty("citations") @Nullable CitationsConfig citations,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "search_result";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code search_result}
	 * @param source the {@code source} value
	 * @param title the {@code title} value
	 * @param content the {@code content} value
	 * @param citations the {@code citations} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public SearchResultBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(title, "title");
		content = List.copyOf(Objects.requireNonNull(content, "content"));
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code search_result}
	 * @param source the {@code source} value
	 * @param title the {@code title} value
	 * @param content the {@code content} value
	 * @param citations the {@code citations} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public SearchResultBlock(String type, String source, String title, List<TextBlock> content, @Nullable CitationsConfig citations, @Nullable CacheControl cacheControl) {
		this(type, source, title, content, citations, cacheControl, Map.of());
	}

}
