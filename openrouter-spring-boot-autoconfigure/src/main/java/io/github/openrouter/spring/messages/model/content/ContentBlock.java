package io.github.openrouter.spring.messages.model.content;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A content block of a message: the same hierarchy serves requests and responses, so response blocks can be replayed.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = ContentBlockDeserializer.class)
public sealed interface ContentBlock permits TextBlock,
		ImageBlock,
		DocumentBlock,
		ToolUseBlock,
		ToolResultBlock,
		ThinkingBlock,
		RedactedThinkingBlock,
		ServerToolUseBlock,
		WebSearchToolResultBlock,
		WebFetchToolResultBlock,
		CodeExecutionToolResultBlock,
		BashCodeExecutionToolResultBlock,
		TextEditorCodeExecutionToolResultBlock,
		ToolSearchToolResultBlock,
		ContainerUploadBlock,
		SearchResultBlock,
		CompactionBlock,
		AdvisorToolResultBlock,
		ToolAdditionBlock,
		ToolRemovalBlock,
		ToolReferenceBlock,
		OpenRouterShellToolResultBlock,
		OpenRouterBashToolResultBlock,
		UnknownContentBlock {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	String type();

	/**
	 * Returns the fields of this value that this version does not know, kept as JSON and written
	 * back unchanged.
	 * @return the fields by JSON name, unmodifiable; empty when there are none, and always for an
	 * {@code Unknown*} value, which keeps all of its JSON
	 */
	Map<String, JsonNode> additionalProperties();

}
