package io.github.openrouter.spring.messages.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.content.ContentBlock;

/**
 * A message of the conversation sent in a request: a role and string or block content.
 *
 * @param role the author: {@code user}, {@code assistant} or {@code system} (system only carries
 * tool addition and removal blocks)
 * @param content the content, a string or blocks
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageParam(@JsonProperty("role") Role role, @JsonProperty("content") MessageContent content) {

	/**
	 * Creates a message, checking that role and content are set.
	 * @param role the author
	 * @param content the content
	 */
	public MessageParam {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(content, "content");
	}

	/**
	 * Returns a user message with string content.
	 * @param text the text
	 * @return the message
	 */
	public static MessageParam user(String text) {
		return new MessageParam(Role.USER, MessageContent.of(text));
	}

	/**
	 * Returns a user message made of blocks.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static MessageParam user(ContentBlock... blocks) {
		return user(Arrays.asList(blocks));
	}

	/**
	 * Returns a user message made of blocks.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static MessageParam user(List<? extends ContentBlock> blocks) {
		return new MessageParam(Role.USER, MessageContent.of(blocks));
	}

	/**
	 * Returns an assistant message with string content.
	 * @param text the text
	 * @return the message
	 */
	public static MessageParam assistant(String text) {
		return new MessageParam(Role.ASSISTANT, MessageContent.of(text));
	}

	/**
	 * Returns an assistant message made of blocks.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static MessageParam assistant(ContentBlock... blocks) {
		return assistant(Arrays.asList(blocks));
	}

	/**
	 * Returns an assistant message made of blocks, e.g. the content of an earlier response.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static MessageParam assistant(List<? extends ContentBlock> blocks) {
		return new MessageParam(Role.ASSISTANT, MessageContent.of(blocks));
	}

	/**
	 * Returns a system message made of blocks; only tool addition and removal blocks are allowed there.
	 * @param blocks the blocks
	 * @return the message
	 */
	public static MessageParam system(ContentBlock... blocks) {
		return new MessageParam(Role.SYSTEM, MessageContent.of(Arrays.asList(blocks)));
	}

}
