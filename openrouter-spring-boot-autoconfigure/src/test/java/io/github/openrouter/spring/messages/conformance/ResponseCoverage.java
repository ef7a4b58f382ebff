package io.github.openrouter.spring.messages.conformance;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What a response corpus must exercise of the {@code MessagesResult} schema: every property
 * (including usage, container, stop details and {@code openrouter_metadata}), every content
 * block type with all its properties, and every member of the nested result unions.
 */
final class ResponseCoverage {

	static final String RESULT = "/components/schemas/MessagesResult";

	static final String USAGE = RESULT + "/allOf/1/properties/usage";

	static final String BLOCKS = "/components/schemas/ORAnthropicContentBlock";

	private ResponseCoverage() {
	}

	/**
	 * Lists what the documents do not cover.
	 * @param documents {@code MessagesResult} documents
	 * @return one line per gap
	 */
	static List<String> gaps(List<JsonNode> documents) {
		CoverageGaps check = new CoverageGaps(documents, "MessagesResult");
		check.properties("", RESULT)
			.properties("usage", USAGE)
			.properties("usage/cache_creation", "/components/schemas/AnthropicCacheCreation")
			.properties("usage/output_tokens_details", "/components/schemas/AnthropicOutputTokensDetails")
			.properties("usage/server_tool_use", "/components/schemas/AnthropicServerToolUsage")
			.properties("usage/cost_details", "/components/schemas/CostDetails")
			.members("usage/iterations/*", "/components/schemas/AnthropicUsageIteration", "type")
			.properties("container", "/components/schemas/AnthropicContainer")
			.properties("stop_details", "/components/schemas/AnthropicRefusalStopDetails")
			.properties("context_management", RESULT + "/allOf/1/properties/context_management")
			.properties("openrouter_metadata", "/components/schemas/OpenRouterMetadata")
			.properties("openrouter_metadata/endpoints", "/components/schemas/EndpointsMetadata")
			.properties("openrouter_metadata/endpoints/available/*", "/components/schemas/EndpointInfo")
			.properties("openrouter_metadata/attempts/*", "/components/schemas/RouterAttempt")
			.properties("openrouter_metadata/params", "/components/schemas/RouterParams")
			.properties("openrouter_metadata/pipeline/*", "/components/schemas/PipelineStage")
			.members("content/*", BLOCKS, "type")
			.members("content/*[type=text]/citations/*", "/components/schemas/AnthropicTextCitation", "type")
			.members("content/*[type=tool_use]/caller", "/components/schemas/AnthropicCaller", "type")
			.members("content/*[type=server_tool_use]/caller", "/components/schemas/ORAnthropicNullableCaller", "type")
			.members("content/*[type=web_fetch_tool_result]/content", "/components/schemas/AnthropicWebFetchContent",
					"type")
			.members("content/*[type=code_execution_tool_result]/content",
					"/components/schemas/AnthropicCodeExecutionContent", "type")
			.members("content/*[type=bash_code_execution_tool_result]/content",
					"/components/schemas/AnthropicBashCodeExecutionContent", "type")
			.members("content/*[type=text_editor_code_execution_tool_result]/content",
					"/components/schemas/AnthropicTextEditorCodeExecutionContent", "type")
			.members("content/*[type=tool_search_tool_result]/content", "/components/schemas/AnthropicToolSearchContent",
					"type")
			.shapes("content/*[type=web_search_tool_result]/content",
					"/components/schemas/AnthropicWebSearchToolResult/properties/content");
		return check.gaps();
	}

	/**
	 * Declared versus used top-level properties of {@code MessagesResult}.
	 * @param documents result documents
	 * @return the counts
	 */
	static CoverageGaps.Counts resultCounts(List<JsonNode> documents) {
		return new CoverageGaps(documents, "MessagesResult").counts("", RESULT);
	}

}
