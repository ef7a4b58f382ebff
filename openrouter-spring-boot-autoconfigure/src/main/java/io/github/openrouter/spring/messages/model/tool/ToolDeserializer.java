package io.github.openrouter.spring.messages.model.tool;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link Tool} by its {@code type}, falling back to {@link UnknownTool}.
 */
final class ToolDeserializer extends ValueDeserializer<Tool> {

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

	@Override
	public Tool deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		if (node.isObject() && (type == null || "custom".equals(type)) && node.has("name") && node.has("input_schema")) {
			return context.readTreeAsValue(node, CustomTool.class);
		}
		if (type != null && type.startsWith("openrouter:")) {
			return context.readTreeAsValue(node, OpenRouterServerTool.class);
		}
		Class<? extends Tool> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownTool(node);
	}

}
