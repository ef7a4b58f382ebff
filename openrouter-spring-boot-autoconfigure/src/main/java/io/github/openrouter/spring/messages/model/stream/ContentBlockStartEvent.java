package io.github.openrouter.spring.messages.model.stream;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Start of a content block at an index, in its initial form.
 *
 * @param type the {@code type}, always {@code content_block_start}
 * @param index the {@code index} value
 * @param contentBlock the {@code content_block} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContentBlockStartEvent(@JsonProperty("type") String type,
		@JsonProperty("index") int index,
		@JsonProperty("content_block") ContentBlock contentBlock) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "content_block_start";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code content_block_start}
	 * @param index the {@code index} value
	 * @param contentBlock the {@code content_block} value
	 */
	public ContentBlockStartEvent {
		type = TYPE;
		Objects.requireNonNull(contentBlock, "content_block");
	}

}
