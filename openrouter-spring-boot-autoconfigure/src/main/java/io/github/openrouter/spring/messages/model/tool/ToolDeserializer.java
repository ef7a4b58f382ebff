package io.github.openrouter.spring.messages.model.tool;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link Tool} by its {@code type}, falling back to {@link UnknownTool}.
 */
final class ToolDeserializer extends DiscriminatedUnionDeserializer<Tool> {

	private static final Map<String, Class<? extends Tool>> TYPES = Map.ofEntries(
			Map.entry("web_search_20250305", WebSearchTool.class),
			Map.entry("web_search_20260209", WebSearchTool.class),
			Map.entry("bash_20250124", BashTool.class),
			Map.entry("text_editor_20250124", TextEditorTool.class),
			Map.entry("advisor_20260301", AdvisorTool.class),
			Map.entry("tool_search_tool_bm25", ToolSearchTool.class),
			Map.entry("tool_search_tool_bm25_20251119", ToolSearchTool.class),
			Map.entry("tool_search_tool_regex", ToolSearchTool.class),
			Map.entry("tool_search_tool_regex_20251119", ToolSearchTool.class));

	ToolDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends Tool> memberType(@Nullable String type, Set<String> propertyNames) {
		if ((type == null || "custom".equals(type)) && propertyNames.contains("name") && propertyNames.contains("input_schema")) {
			return CustomTool.class;
		}
		if (type != null && type.startsWith("openrouter:")) {
			return OpenRouterServerTool.class;
		}
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected boolean choosesByDiscriminatorAlone(String type) {
		// a custom tool is recognised by its name and input_schema
		return !"custom".equals(type);
	}

	@Override
	protected Tool unknown(JsonNode json) {
		return new UnknownTool(json);
	}

}
