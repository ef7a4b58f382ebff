package io.github.openrouter.spring.messages.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code system} prompt of a request: either a plain string or text blocks (which can carry
 * cache breakpoints), written back in the same form it was read or built.
 *
 * @param text the string form, or {@code null} when this prompt is blocks
 * @param blocks the block form, or {@code null} when this prompt is a string
 * @since 0.1.0
 */
@JsonDeserialize(using = SystemPromptDeserializer.class)
public record SystemPrompt(@Nullable String text, @Nullable List<TextBlock> blocks) {

	/**
	 * Creates a prompt, checking that exactly one form is set.
	 * @param text the string form, or {@code null}
	 * @param blocks the block form, or {@code null}
	 */
	public SystemPrompt {
		if ((text == null) == (blocks == null)) {
			throw new IllegalArgumentException("System prompt must be either text or blocks");
		}
		blocks = (blocks != null) ? List.copyOf(blocks) : null;
	}

	/**
	 * Returns a string prompt.
	 * @param text the text
	 * @return the prompt
	 */
	public static SystemPrompt of(String text) {
		return new SystemPrompt(text, null);
	}

	/**
	 * Returns a prompt made of text blocks.
	 * @param blocks the blocks
	 * @return the prompt
	 */
	public static SystemPrompt of(List<TextBlock> blocks) {
		return new SystemPrompt(null, blocks);
	}

	/**
	 * Returns the prompt as text: the string, or the text of all blocks concatenated.
	 * @return the text
	 */
	public String asText() {
		if (this.text != null) {
			return this.text;
		}
		StringBuilder builder = new StringBuilder();
		for (TextBlock block : asBlocks()) {
			builder.append(block.text());
		}
		return builder.toString();
	}

	/**
	 * Returns the prompt as blocks; a string prompt becomes a single text block.
	 * @return the blocks
	 */
	public List<TextBlock> asBlocks() {
		return (this.blocks != null) ? this.blocks : List.of(TextBlock.of(this.text));
	}

	@JsonValue
	Object jsonValue() {
		return (this.text != null) ? this.text : asBlocks();
	}

}
