package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link ContentBlock} by its {@code type}, falling back to {@link UnknownContentBlock}.
 */
final class ContentBlockDeserializer extends DiscriminatedUnionDeserializer<ContentBlock> {

	private static final Map<String, Class<? extends ContentBlock>> TYPES = Map.ofEntries(
			Map.entry("text", TextBlock.class),
			Map.entry("image", ImageBlock.class),
			Map.entry("document", DocumentBlock.class),
			Map.entry("tool_use", ToolUseBlock.class),
			Map.entry("tool_result", ToolResultBlock.class),
			Map.entry("thinking", ThinkingBlock.class),
			Map.entry("redacted_thinking", RedactedThinkingBlock.class),
			Map.entry("server_tool_use", ServerToolUseBlock.class),
			Map.entry("web_search_tool_result", WebSearchToolResultBlock.class),
			Map.entry("web_fetch_tool_result", WebFetchToolResultBlock.class),
			Map.entry("code_execution_tool_result", CodeExecutionToolResultBlock.class),
			Map.entry("bash_code_execution_tool_result", BashCodeExecutionToolResultBlock.class),
			Map.entry("text_editor_code_execution_tool_result", TextEditorCodeExecutionToolResultBlock.class),
			Map.entry("tool_search_tool_result", ToolSearchToolResultBlock.class),
			Map.entry("container_upload", ContainerUploadBlock.class),
			Map.entry("search_result", SearchResultBlock.class),
			Map.entry("compaction", CompactionBlock.class),
			Map.entry("advisor_tool_result", AdvisorToolResultBlock.class),
			Map.entry("tool_addition", ToolAdditionBlock.class),
			Map.entry("tool_removal", ToolRemovalBlock.class),
			Map.entry("tool_reference", ToolReferenceBlock.class),
			Map.entry("openrouter_shell_tool_result", OpenRouterShellToolResultBlock.class),
			Map.entry("openrouter_bash_tool_result", OpenRouterBashToolResultBlock.class));

	ContentBlockDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends ContentBlock> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected ContentBlock unknown(JsonNode json) {
		return new UnknownContentBlock(json);
	}

}
