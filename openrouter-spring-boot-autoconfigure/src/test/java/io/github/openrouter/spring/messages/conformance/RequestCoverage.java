package io.github.openrouter.spring.messages.conformance;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What a request corpus must exercise of the {@code MessagesRequest} schema: every property,
 * every union member (content blocks, tools, {@code tool_choice}, {@code thinking}, plugins,
 * stop conditions, context-management edits, sources, citations), every shape of the
 * untagged unions (string or array, number or object) and every property of the routing and
 * configuration objects.
 *
 * <p>
 * Everything expected is read from {@code spec/messages-openapi.json}; {@link #gaps(List)}
 * returns one line per thing the corpus misses, so an empty list means full coverage.
 */
final class RequestCoverage {

	static final String REQUEST = "/components/schemas/MessagesRequest";

	static final String PROVIDER = "/components/schemas/ProviderPreferences";

	static final String CONTENT = "/components/schemas/MessagesMessageParam/properties/content";

	static final String BLOCKS = CONTENT + "/anyOf/1/items";

	static final String EDITS = REQUEST + "/properties/context_management/properties/edits/items";

	static final String DOCUMENT_SOURCE = "/components/schemas/AnthropicDocumentBlockParam/properties/source";

	private RequestCoverage() {
	}

	/**
	 * Lists what the documents do not cover.
	 * @param documents serialized {@code MessagesRequest} documents
	 * @return one line per gap
	 */
	static List<String> gaps(List<JsonNode> documents) {
		CoverageGaps check = new CoverageGaps(documents, "MessagesRequest");
		SchemaCoverage schema = check.coverage();
		String clearToolUses = schema.memberPointer(EDITS, "type", "clear_tool_uses_20250919");
		String clearThinking = schema.memberPointer(EDITS, "type", "clear_thinking_20251015");
		String toolResult = schema.memberPointer(BLOCKS, "type", "tool_result");
		check.properties("", REQUEST)
			.properties("provider", PROVIDER)
			.properties("provider/max_price", PROVIDER + "/properties/max_price")
			.properties("provider/sort", "/components/schemas/ProviderSortConfig")
			.properties("provider/preferred_max_latency", "/components/schemas/PercentileLatencyCutoffs")
			.properties("provider/preferred_min_throughput", "/components/schemas/PercentileThroughputCutoffs")
			.properties("trace", "/components/schemas/TraceConfig")
			.properties("metadata", REQUEST + "/properties/metadata")
			.properties("output_config", "/components/schemas/MessagesOutputConfig")
			.properties("output_config/format", "/components/schemas/MessagesOutputConfig/properties/format")
			.properties("output_config/task_budget", "/components/schemas/MessagesOutputConfig/properties/task_budget")
			.properties("cache_control", "/components/schemas/AnthropicCacheControlDirective")
			.properties("context_management", REQUEST + "/properties/context_management")
			.properties("fallbacks/*", "/components/schemas/MessagesFallbackParam")
			.properties("messages/*", "/components/schemas/MessagesMessageParam")
			.members("messages/*/content/*", BLOCKS, "type")
			.members("tools/*", REQUEST + "/properties/tools/items", "type")
			.members("tool_choice", REQUEST + "/properties/tool_choice", "type")
			.members("thinking", REQUEST + "/properties/thinking", "type")
			.members("plugins/*", REQUEST + "/properties/plugins/items", "id")
			.members("stop_server_tools_when/*", "/components/schemas/StopServerToolsWhenCondition", "type")
			.members("context_management/edits/*", EDITS, "type")
			.members("context_management/edits/*[type=clear_tool_uses_20250919]/trigger",
					clearToolUses + "/properties/trigger", "type", false)
			.members("messages/*/content/*[type=tool_result]/content/*",
					toolResult + "/properties/content/anyOf/1/items", "type", false)
			.members("messages/*/content/*[type=text]/citations/*",
					"/components/schemas/AnthropicTextBlockParam/properties/citations/items", "type")
			.members("messages/*/content/*[type=image]/source",
					"/components/schemas/AnthropicImageBlockParam/properties/source", "type")
			.members("messages/*/content/*[type=document]/source", DOCUMENT_SOURCE, "type")
			.members("messages/*/content/*[type=tool_addition]/tool",
					"/components/schemas/MessagesToolAdditionBlock/properties/tool", "type", false)
			.members("messages/*/content/*[type=tool_removal]/tool",
					"/components/schemas/MessagesToolRemovalBlock/properties/tool", "type", false)
			.shapes("system", REQUEST + "/properties/system")
			.shapes("messages/*/content", CONTENT)
			.shapes("messages/*/content/*[type=tool_result]/content", toolResult + "/properties/content")
			.shapes("messages/*/content/*[type=web_search_tool_result]/content",
					schema.memberPointer(BLOCKS, "type", "web_search_tool_result") + "/properties/content")
			.shapes("messages/*/content/*[type=document]/source[type=content]/content",
					schema.memberPointer(DOCUMENT_SOURCE, "type", "content") + "/properties/content")
			.shapes("context_management/edits/*[type=clear_tool_uses_20250919]/clear_tool_inputs",
					clearToolUses + "/properties/clear_tool_inputs")
			.shapes("context_management/edits/*[type=clear_thinking_20251015]/keep", clearThinking + "/properties/keep")
			.shapes("provider/sort", PROVIDER + "/properties/sort")
			.shapes("provider/preferred_max_latency", "/components/schemas/PreferredMaxLatency")
			.shapes("provider/preferred_min_throughput", "/components/schemas/PreferredMinThroughput");
		return check.gaps();
	}

	/**
	 * Declared versus used top-level properties of {@code MessagesRequest}.
	 * @param documents serialized requests
	 * @return the counts
	 */
	static CoverageGaps.Counts requestCounts(List<JsonNode> documents) {
		return new CoverageGaps(documents, "MessagesRequest").counts("", REQUEST);
	}

	/**
	 * Declared versus used properties of {@code ProviderPreferences}.
	 * @param documents serialized requests
	 * @return the counts
	 */
	static CoverageGaps.Counts providerCounts(List<JsonNode> documents) {
		return new CoverageGaps(documents, "MessagesRequest").counts("provider", PROVIDER);
	}

}
