package io.github.openrouter.spring.messages.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What a request corpus must exercise of the {@code MessagesRequest} schema: every property,
 * every union member (content blocks, tools, {@code tool_choice}, {@code thinking}, plugins,
 * stop conditions, context-management edits, sources, citations, shapes such as
 * string-or-array) and every property of the routing and configuration objects.
 *
 * <p>
 * {@link #gaps(List)} returns one line per thing the corpus misses; an empty list means full
 * coverage of the spec as committed in {@code spec/messages-openapi.json}.
 */
final class RequestCoverage {

	static final String REQUEST = "/components/schemas/MessagesRequest";

	static final String PROVIDER = "/components/schemas/ProviderPreferences";

	static final String CONTENT = "/components/schemas/MessagesMessageParam/properties/content";

	static final String BLOCKS = CONTENT + "/anyOf/1/items";

	static final String EDITS = REQUEST + "/properties/context_management/properties/edits/items";

	private final OpenApiSchemas schemas = OpenApiSchemas.get();

	private final SchemaCoverage coverage = new SchemaCoverage(this.schemas.document());

	/**
	 * Lists what the documents do not cover.
	 * @param documents serialized {@code MessagesRequest} documents
	 * @return one line per gap
	 */
	List<String> gaps(List<JsonNode> documents) {
		List<String> gaps = new ArrayList<>();
		// Objects: every declared property is used at least once.
		properties(gaps, documents, "", REQUEST);
		properties(gaps, documents, "provider", PROVIDER);
		properties(gaps, documents, "provider/max_price", PROVIDER + "/properties/max_price");
		properties(gaps, documents, "provider/sort", "/components/schemas/ProviderSortConfig");
		properties(gaps, documents, "provider/preferred_max_latency", "/components/schemas/PercentileLatencyCutoffs");
		properties(gaps, documents, "provider/preferred_min_throughput",
				"/components/schemas/PercentileThroughputCutoffs");
		properties(gaps, documents, "trace", "/components/schemas/TraceConfig");
		properties(gaps, documents, "metadata", REQUEST + "/properties/metadata");
		properties(gaps, documents, "output_config", "/components/schemas/MessagesOutputConfig");
		properties(gaps, documents, "output_config/format", "/components/schemas/MessagesOutputConfig/properties/format");
		properties(gaps, documents, "output_config/task_budget",
				"/components/schemas/MessagesOutputConfig/properties/task_budget");
		properties(gaps, documents, "cache_control", "/components/schemas/AnthropicCacheControlDirective");
		properties(gaps, documents, "context_management", REQUEST + "/properties/context_management");
		properties(gaps, documents, "fallbacks/*", "/components/schemas/MessagesFallbackParam");
		properties(gaps, documents, "messages/*", "/components/schemas/MessagesMessageParam");
		// Tagged unions: every member, and every property of every member.
		members(gaps, documents, "messages/*/content/*", BLOCKS, "type", true);
		members(gaps, documents, "tools/*", REQUEST + "/properties/tools/items", "type", true);
		members(gaps, documents, "tool_choice", REQUEST + "/properties/tool_choice", "type", true);
		members(gaps, documents, "thinking", REQUEST + "/properties/thinking", "type", true);
		members(gaps, documents, "plugins/*", REQUEST + "/properties/plugins/items", "id", true);
		members(gaps, documents, "stop_server_tools_when/*", "/components/schemas/StopServerToolsWhenCondition", "type",
				true);
		members(gaps, documents, "context_management/edits/*", EDITS, "type", true);
		members(gaps, documents, "context_management/edits/*[type=clear_tool_uses_20250919]/trigger",
				this.coverage.memberPointer(EDITS, "type", "clear_tool_uses_20250919") + "/properties/trigger", "type",
				false);
		String toolResult = this.coverage.memberPointer(BLOCKS, "type", "tool_result");
		members(gaps, documents, "messages/*/content/*[type=tool_result]/content/*",
				toolResult + "/properties/content/anyOf/1/items", "type", false);
		members(gaps, documents, "messages/*/content/*[type=text]/citations/*",
				"/components/schemas/AnthropicTextBlockParam/properties/citations/items", "type", true);
		members(gaps, documents, "messages/*/content/*[type=image]/source",
				"/components/schemas/AnthropicImageBlockParam/properties/source", "type", true);
		members(gaps, documents, "messages/*/content/*[type=document]/source",
				"/components/schemas/AnthropicDocumentBlockParam/properties/source", "type", true);
		members(gaps, documents, "messages/*/content/*[type=tool_addition]/tool",
				"/components/schemas/MessagesToolAdditionBlock/properties/tool", "type", false);
		members(gaps, documents, "messages/*/content/*[type=tool_removal]/tool",
				"/components/schemas/MessagesToolRemovalBlock/properties/tool", "type", false);
		// Untagged shapes (string or array, number or object, ...): every non-null member matches
		// at least one instance.
		shapes(gaps, documents, "system", REQUEST + "/properties/system");
		shapes(gaps, documents, "messages/*/content", CONTENT);
		shapes(gaps, documents, "messages/*/content/*[type=tool_result]/content", toolResult + "/properties/content");
		shapes(gaps, documents, "messages/*/content/*[type=web_search_tool_result]/content",
				this.coverage.memberPointer(BLOCKS, "type", "web_search_tool_result") + "/properties/content");
		shapes(gaps, documents, "messages/*/content/*[type=document]/source[type=content]/content",
				this.coverage.memberPointer("/components/schemas/AnthropicDocumentBlockParam/properties/source", "type",
						"content") + "/properties/content");
		shapes(gaps, documents, "context_management/edits/*[type=clear_tool_uses_20250919]/clear_tool_inputs",
				this.coverage.memberPointer(EDITS, "type", "clear_tool_uses_20250919")
						+ "/properties/clear_tool_inputs");
		shapes(gaps, documents, "context_management/edits/*[type=clear_thinking_20251015]/keep",
				this.coverage.memberPointer(EDITS, "type", "clear_thinking_20251015") + "/properties/keep");
		shapes(gaps, documents, "provider/sort", PROVIDER + "/properties/sort");
		shapes(gaps, documents, "provider/preferred_max_latency", "/components/schemas/PreferredMaxLatency");
		shapes(gaps, documents, "provider/preferred_min_throughput", "/components/schemas/PreferredMinThroughput");
		return gaps;
	}

	/**
	 * Returns the properties of an object schema and those the documents use.
	 * @param documents the documents
	 * @param path the instance path (empty for the documents themselves)
	 * @param pointer the schema pointer
	 * @return declared and used property names
	 */
	Counts propertyCounts(List<JsonNode> documents, String path, String pointer) {
		JsonNode schema = this.coverage.schemaAt(pointer);
		Set<String> declared = this.coverage.declaredProperties(schema);
		Set<String> missing = this.coverage.missingProperties(select(documents, path), schema);
		return new Counts(declared.size(), declared.size() - missing.size(), missing);
	}

	private void properties(List<String> gaps, List<JsonNode> documents, String path, String pointer) {
		Set<String> missing = this.coverage.missingProperties(select(documents, path),
				this.coverage.schemaAt(pointer));
		if (!missing.isEmpty()) {
			gaps.add(label(path) + ": properties never used " + missing);
		}
	}

	private void members(List<String> gaps, List<JsonNode> documents, String path, String pointer, String tag,
			boolean memberProperties) {
		List<JsonNode> instances = select(documents, path);
		JsonNode union = this.coverage.schemaAt(pointer);
		Set<String> missing = this.coverage.missingMembers(instances, union, tag);
		if (!missing.isEmpty()) {
			gaps.add(label(path) + ": " + tag + " values never used " + missing);
		}
		if (memberProperties) {
			Set<String> missingProperties = this.coverage.missingMemberProperties(instances, union, tag);
			if (!missingProperties.isEmpty()) {
				gaps.add(label(path) + ": member properties never used " + missingProperties);
			}
		}
	}

	private void shapes(List<String> gaps, List<JsonNode> documents, String path, String pointer) {
		List<JsonNode> instances = select(documents, path);
		for (String member : this.coverage.nonNullMemberPointers(pointer)) {
			boolean matched = instances.stream().anyMatch((instance) -> this.schemas.validateAt(member, instance).isEmpty());
			if (!matched) {
				gaps.add(label(path) + ": no instance has the shape " + member);
			}
		}
	}

	private static List<JsonNode> select(List<JsonNode> documents, String path) {
		return path.isEmpty() ? documents : SchemaCoverage.select(documents, path);
	}

	private static String label(String path) {
		return path.isEmpty() ? "MessagesRequest" : path;
	}

	/**
	 * Declared versus used properties of one object schema.
	 *
	 * @param declared number of declared properties
	 * @param covered number of those used at least once
	 * @param missing the unused ones
	 */
	record Counts(int declared, int covered, Set<String> missing) {

	}

}
