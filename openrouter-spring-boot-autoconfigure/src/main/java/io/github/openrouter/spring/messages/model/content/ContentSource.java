package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.MessageContent;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A document made of inline content: a string or text and image blocks.
 *
 * @param type the {@code type}, always {@code content}
 * @param content the {@code content} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContentSource(@JsonProperty("type") String type,
		@JsonProperty("content") MessageContent content) implements BlockSource {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "content";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code content}
	 * @param content the {@code content} value
	 */
	public ContentSource {
		type = TYPE;
		Objects.requireNonNull(content, "content");
	}

	/**
	 * Returns a content source.
	 * @param content the content
	 * @return the source
	 */
	public static ContentSource of(MessageContent content) {
		return new ContentSource(TYPE, content);
	}

}
