package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Start of a content block at an index, in its initial form.
 *
 * @param type the {@code type}, always {@code content_block_start}
 * @param index the {@code index} value
 * @param contentBlock the {@code content_block} value
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContentBlockStartEvent(@JsonProperty("type") String type,
		@JsonProperty("index") int index,
		@JsonProperty("content_block") ContentBlock contentBlock,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "content_block_start";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code content_block_start}
	 * @param index the {@code index} value
	 * @param contentBlock the {@code content_block} value
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ContentBlockStartEvent {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(contentBlock, "content_block");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code content_block_start}
	 * @param index the {@code index} value
	 * @param contentBlock the {@code content_block} value
	 */
	public ContentBlockStartEvent(String type, int index, ContentBlock contentBlock) {
		this(type, index, contentBlock, Map.of());
	}

}
