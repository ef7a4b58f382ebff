package io.github.openrouter.spring.messages.model;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Content of a message or tool result: either a plain string or a list of blocks, written back
 * in the same form it was read or built.
 *
 * @param text the string form, or {@code null} when this content is blocks
 * @param blocks the block form, or {@code null} when this content is a string
 * @since 0.1.0
 */
@JsonDeserialize(using = MessageContentDeserializer.class)
public record MessageContent(@Nullable String text, @Nullable List<ContentBlock> blocks) {

	/**
	 * Creates content, checking that exactly one form is set.
	 * @param text the string form, or {@code null}
	 * @param blocks the block form, or {@code null}
	 */
	public MessageContent {
		if ((text == null) == (blocks == null)) {
			throw new IllegalArgumentException("Message content must be either text or blocks");
		}
		blocks = (blocks != null) ? List.copyOf(blocks) : null;
	}

	/**
	 * Returns string content.
	 * @param text the text
	 * @return the content
	 */
	public static MessageContent of(String text) {
		return new MessageContent(text, null);
	}

	/**
	 * Returns block content.
	 * @param blocks the blocks
	 * @return the content
	 */
	public static MessageContent of(List<? extends ContentBlock> blocks) {
		return new MessageContent(null, List.copyOf(blocks));
	}

	/**
	 * Returns block content.
	 * @param blocks the blocks
	 * @return the content
	 */
	public static MessageContent of(ContentBlock... blocks) {
		return of(Arrays.asList(blocks));
	}

	/**
	 * Returns the content as blocks; string content becomes a single text block.
	 * @return the blocks
	 */
	public List<ContentBlock> asBlocks() {
		return (this.blocks != null) ? this.blocks : List.of(TextBlock.of(this.text));
	}

	/**
	 * Returns the content as text: the string, or the text of all text blocks concatenated.
	 * @return the text
	 */
	public String asText() {
		if (this.text != null) {
			return this.text;
		}
		StringBuilder builder = new StringBuilder();
		for (ContentBlock block : asBlocks()) {
			if (block instanceof TextBlock textBlock) {
				builder.append(textBlock.text());
			}
		}
		return builder.toString();
	}

	@JsonValue
	Object jsonValue() {
		return (this.text != null) ? this.text : asBlocks();
	}

}
