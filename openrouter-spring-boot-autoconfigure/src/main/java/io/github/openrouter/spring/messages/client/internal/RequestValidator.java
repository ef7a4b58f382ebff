package io.github.openrouter.spring.messages.client.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.model.EnabledThinking;
import io.github.openrouter.spring.messages.model.MessageContent;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.OutputConfig;
import io.github.openrouter.spring.messages.model.SystemPrompt;
import io.github.openrouter.spring.messages.model.TaskBudget;
import io.github.openrouter.spring.messages.model.ThinkingConfig;
import io.github.openrouter.spring.messages.model.UnknownThinkingConfig;
import io.github.openrouter.spring.messages.model.content.AdvisorToolResultBlock;
import io.github.openrouter.spring.messages.model.content.BashCodeExecutionToolResultBlock;
import io.github.openrouter.spring.messages.model.content.CodeExecutionToolResultBlock;
import io.github.openrouter.spring.messages.model.content.CompactionBlock;
import io.github.openrouter.spring.messages.model.content.ContainerUploadBlock;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.DocumentBlock;
import io.github.openrouter.spring.messages.model.content.ImageBlock;
import io.github.openrouter.spring.messages.model.content.SearchResultBlock;
import io.github.openrouter.spring.messages.model.content.ServerToolUseBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.TextEditorCodeExecutionToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolAdditionBlock;
import io.github.openrouter.spring.messages.model.content.ToolRemovalBlock;
import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolSearchToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.content.UnknownContentBlock;
import io.github.openrouter.spring.messages.model.content.WebFetchToolResultBlock;
import io.github.openrouter.spring.messages.model.content.WebSearchToolResultBlock;
import io.github.openrouter.spring.messages.model.routing.FallbackModel;
import io.github.openrouter.spring.messages.model.tool.AdvisorTool;
import io.github.openrouter.spring.messages.model.tool.BashTool;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.NamedToolChoice;
import io.github.openrouter.spring.messages.model.tool.TextEditorTool;
import io.github.openrouter.spring.messages.model.tool.Tool;
import io.github.openrouter.spring.messages.model.tool.ToolChoice;
import io.github.openrouter.spring.messages.model.tool.ToolSearchTool;
import io.github.openrouter.spring.messages.model.tool.UnknownTool;
import io.github.openrouter.spring.messages.model.tool.UnknownToolChoice;
import io.github.openrouter.spring.messages.model.tool.WebSearchTool;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a request, as it will be sent (client defaults merged), against the documented limits of
 * {@code POST /messages} before any network I/O; each broken limit throws a
 * {@link RequestValidationException} naming the field (as a JSON path) and the limit.
 *
 * <p>
 * Walks the typed records. What their constructors already refuse (a message without role or
 * content, a fallback without model) needs no rule here. The members that keep raw JSON
 * ({@link UnknownContentBlock}, {@link UnknownTool}, {@link UnknownToolChoice},
 * {@link UnknownThinkingConfig}) are read from that JSON, as it is what will be sent.
 * {@code extraBody} needs no checks: it cannot hold a field of the model, and every rule is about one.
 */
final class RequestValidator {

	/** Longest {@code session_id}, {@code user} and {@code x-session-id} value. */
	static final int MAX_ID_LENGTH = 256;

	/** Most entries in {@code fallbacks}. */
	static final int MAX_FALLBACKS = 3;

	/** Smallest thinking {@code budget_tokens}. */
	static final int MIN_THINKING_BUDGET = 1024;

	/** Most block-level {@code cache_control} breakpoints in one request. */
	static final int MAX_CACHE_BREAKPOINTS = 4;

	/** Smallest {@code output_config.task_budget.total}. */
	static final int MIN_TASK_BUDGET = 20000;

	private RequestValidator() {
	}

	/**
	 * Validates a request, as it will be sent, and its per-call options.
	 * @param request the request with client defaults merged
	 * @param options the per-call options
	 * @throws RequestValidationException for the first broken limit
	 */
	static void validate(MessageRequest request, RequestOptions options) {
		validateModel(request);
		validateMessages(request.messages());
		validateSampling(request);
		validateThinking(request.thinking(), request.maxTokens());
		validateTools(request.tools(), request.toolChoice());
		if (request.stopServerToolsWhen() != null && request.stopServerToolsWhen().isEmpty()) {
			throw fail("stop_server_tools_when", "at least 1 condition",
					"stop_server_tools_when must contain at least 1 condition but was empty");
		}
		validateFallbacks(request);
		checkLength("session_id", request.sessionId());
		checkLength("user", request.user());
		String sessionId = options.sessionId();
		if (sessionId != null && sessionId.length() > MAX_ID_LENGTH) {
			throw fail("x-session-id", "at most " + MAX_ID_LENGTH + " characters", "the x-session-id option has "
					+ sessionId.length() + " characters; the limit is at most " + MAX_ID_LENGTH + " characters");
		}
		validateTaskBudget(request.outputConfig());
		validateCacheBreakpoints(request);
	}

	private static void validateModel(MessageRequest request) {
		String model = request.model();
		if (model == null) {
			throw fail("model", "required",
					"model is required: set it on the request or configure a default model on the client");
		}
		if (model.isBlank()) {
			throw fail("model", "a non-empty string", "model must be a non-empty string");
		}
	}

	private static void validateMessages(List<MessageParam> messages) {
		if (messages.isEmpty()) {
			throw fail("messages", "at least 1 message", "messages must contain at least 1 message but was empty");
		}
		for (int i = 0; i < messages.size(); i++) {
			MessageParam message = messages.get(i);
			String path = "messages[" + i + "]";
			if (message.role().value().isBlank()) {
				throw fail(path + ".role", "required", path + ".role is required (user, assistant or system)");
			}
			MessageContent content = message.content();
			if (content.text() != null) {
				if (content.text().isEmpty()) {
					throw fail(path + ".content", "not empty", path + ".content must not be an empty string");
				}
				continue;
			}
			List<ContentBlock> blocks = content.asBlocks();
			if (blocks.isEmpty()) {
				throw fail(path + ".content", "at least 1 content block",
						path + ".content must contain at least 1 content block but was empty");
			}
			for (int j = 0; j < blocks.size(); j++) {
				// type() is the written "type"; an unknown block answers "" when its JSON has no string type
				String type = blocks.get(j).type();
				if (type == null || type.isBlank()) {
					String blockPath = path + ".content[" + j + "]";
					throw fail(blockPath + ".type", "required", blockPath + ".type is required");
				}
			}
		}
	}

	private static void validateSampling(MessageRequest request) {
		Integer maxTokens = request.maxTokens();
		if (maxTokens != null && maxTokens < 1) {
			throw fail("max_tokens", ">= 1", "max_tokens must be a positive integer (>= 1) but was " + maxTokens);
		}
		Double temperature = request.temperature();
		if (temperature != null && !isFiniteAtLeast(temperature, 0)) {
			throw fail("temperature", ">= 0",
					"temperature must be a finite number >= 0 but was " + text(temperature));
		}
		Double topP = request.topP();
		if (topP != null && !(isFiniteAtLeast(topP, 0) && topP <= 1.0)) {
			throw fail("top_p", "between 0 and 1", "top_p must be between 0 and 1 but was " + text(topP));
		}
		Integer topK = request.topK();
		if (topK != null && topK < 0) {
			throw fail("top_k", ">= 0", "top_k must be an integer >= 0 but was " + topK);
		}
		List<String> stopSequences = request.stopSequences();
		if (stopSequences != null) {
			for (int i = 0; i < stopSequences.size(); i++) {
				if (stopSequences.get(i).isEmpty()) {
					String path = "stop_sequences[" + i + "]";
					throw fail(path, "a non-empty string", path + " must be a non-empty string");
				}
			}
		}
	}

	private static void validateThinking(@Nullable ThinkingConfig thinking, @Nullable Integer maxTokens) {
		long budget;
		if (thinking instanceof EnabledThinking enabled) {
			budget = enabled.budgetTokens();
		}
		else if (thinking instanceof UnknownThinkingConfig unknown && EnabledThinking.TYPE.equals(unknown.type())) {
			JsonNode value = unknown.json().get("budget_tokens");
			if (value == null || !value.isIntegralNumber()) {
				throw fail("thinking.budget_tokens", "required when thinking is enabled",
						"thinking.budget_tokens is required when thinking.type is enabled");
			}
			budget = value.longValue();
		}
		else {
			return;
		}
		if (budget < MIN_THINKING_BUDGET) {
			throw fail("thinking.budget_tokens", ">= " + MIN_THINKING_BUDGET,
					"thinking.budget_tokens must be >= " + MIN_THINKING_BUDGET + " but was " + budget);
		}
		if (maxTokens != null && budget >= maxTokens) {
			throw fail("thinking.budget_tokens", "< max_tokens (" + maxTokens + ")",
					"thinking.budget_tokens must be less than max_tokens (" + maxTokens + ") but was " + budget);
		}
	}

	private static void validateTools(@Nullable List<Tool> tools, @Nullable ToolChoice toolChoice) {
		Set<String> names = (tools != null && !tools.isEmpty()) ? new HashSet<>() : Set.of();
		if (tools != null) {
			for (int i = 0; i < tools.size(); i++) {
				Tool tool = tools.get(i);
				String name = name(tool);
				String path = "tools[" + i + "]";
				if (isCustom(tool) && isEmpty(name)) {
					throw fail(path + ".name", "required for custom tools", path + ".name is required for a custom tool");
				}
				if (isCustom(tool) && isAbsent(inputSchema(tool))) {
					throw fail(path + ".input_schema", "required for custom tools",
							path + ".input_schema is required for a custom tool");
				}
				if (!isEmpty(name) && !names.add(name)) {
					throw fail(path + ".name", "unique among tools",
							path + ".name '" + name + "' is not unique: tool names must be unique among tools");
				}
			}
		}
		String chosen;
		if (toolChoice instanceof NamedToolChoice named) {
			chosen = named.name();
		}
		else if (toolChoice instanceof UnknownToolChoice unknown && NamedToolChoice.TYPE.equals(unknown.type())) {
			chosen = string(unknown.json().get("name"));
		}
		else {
			return;
		}
		if (isEmpty(chosen)) {
			throw fail("tool_choice.name", "required when type is tool",
					"tool_choice.name is required when tool_choice.type is tool");
		}
		if (!names.contains(chosen)) {
			throw fail("tool_choice.name", "one of the names in tools",
					"tool_choice.name '" + chosen + "' must be one of the names in tools " + names);
		}
	}

	/** The {@code name} a tool is written with, {@code null} when it has none (or not a string). */
	private static @Nullable String name(Tool tool) {
		if (tool instanceof CustomTool custom) {
			return custom.name();
		}
		if (tool instanceof WebSearchTool webSearch) {
			return webSearch.name();
		}
		if (tool instanceof BashTool bash) {
			return bash.name();
		}
		if (tool instanceof TextEditorTool textEditor) {
			return textEditor.name();
		}
		if (tool instanceof AdvisorTool advisor) {
			return advisor.name();
		}
		if (tool instanceof ToolSearchTool toolSearch) {
			return toolSearch.name();
		}
		if (tool instanceof UnknownTool unknown) {
			return string(unknown.json().get("name"));
		}
		return null;
	}

	/** Whether a tool is written as a custom tool: without {@code type}, or with type {@code custom}. */
	private static boolean isCustom(Tool tool) {
		if (tool instanceof UnknownTool unknown) {
			JsonNode type = unknown.json().get("type");
			return isAbsent(type) || "custom".equals(type.asString(""));
		}
		return tool.type() == null || "custom".equals(tool.type());
	}

	private static @Nullable JsonNode inputSchema(Tool tool) {
		if (tool instanceof CustomTool custom) {
			return custom.inputSchema();
		}
		if (tool instanceof UnknownTool unknown) {
			return unknown.json().get("input_schema");
		}
		return null;
	}

	private static void validateFallbacks(MessageRequest request) {
		List<FallbackModel> fallbacks = request.fallbacks();
		if (fallbacks == null) {
			return;
		}
		if (request.models() != null) {
			throw fail("fallbacks", "not together with models",
					"fallbacks cannot be combined with models: send one or the other");
		}
		if (fallbacks.size() > MAX_FALLBACKS) {
			throw fail("fallbacks", "at most " + MAX_FALLBACKS + " entries", "fallbacks has " + fallbacks.size()
					+ " entries; the limit is at most " + MAX_FALLBACKS);
		}
		// a FallbackModel carries model only, never null: an empty one is the one case left
		for (int i = 0; i < fallbacks.size(); i++) {
			if (fallbacks.get(i).model().isEmpty()) {
				String path = "fallbacks[" + i + "]";
				throw fail(path + ".model", "required", path + ".model is required");
			}
		}
	}

	private static void validateTaskBudget(@Nullable OutputConfig outputConfig) {
		TaskBudget taskBudget = (outputConfig != null) ? outputConfig.taskBudget() : null;
		if (taskBudget == null) {
			return;
		}
		Integer total = taskBudget.total();
		if (total != null && total < MIN_TASK_BUDGET) {
			throw fail("output_config.task_budget.total", ">= " + MIN_TASK_BUDGET,
					"output_config.task_budget.total must be >= " + MIN_TASK_BUDGET + " but was " + total);
		}
		Integer remaining = taskBudget.remaining();
		if (remaining != null && remaining < 0) {
			throw fail("output_config.task_budget.remaining", ">= 0",
					"output_config.task_budget.remaining must be >= 0 but was " + remaining);
		}
	}

	private static void validateCacheBreakpoints(MessageRequest request) {
		int count = cacheBreakpoints(request);
		if (count > MAX_CACHE_BREAKPOINTS) {
			throw fail("cache_control", "at most " + MAX_CACHE_BREAKPOINTS + " block-level breakpoints",
					"the request has " + count + " block-level cache_control breakpoints; the limit is at most "
							+ MAX_CACHE_BREAKPOINTS);
		}
	}

	/**
	 * Counts the blocks of the system prompt, the tools and the messages that carry a
	 * {@code cache_control}.
	 * @param request the request
	 * @return the number of block-level breakpoints
	 */
	static int cacheBreakpoints(MessageRequest request) {
		int count = 0;
		SystemPrompt system = request.system();
		if (system != null && system.blocks() != null) {
			for (TextBlock block : system.blocks()) {
				count += hasCacheControl(block) ? 1 : 0;
			}
		}
		if (request.tools() != null) {
			for (Tool tool : request.tools()) {
				count += hasCacheControl(tool) ? 1 : 0;
			}
		}
		for (MessageParam message : request.messages()) {
			List<ContentBlock> blocks = message.content().blocks();
			if (blocks != null) {
				for (ContentBlock block : blocks) {
					count += hasCacheControl(block) ? 1 : 0;
				}
			}
		}
		return count;
	}

	private static boolean hasCacheControl(Tool tool) {
		if (tool instanceof UnknownTool unknown) {
			return !isAbsent(unknown.json().get("cache_control"));
		}
		return (tool instanceof CustomTool custom && custom.cacheControl() != null)
				|| (tool instanceof WebSearchTool webSearch && webSearch.cacheControl() != null)
				|| (tool instanceof BashTool bash && bash.cacheControl() != null)
				|| (tool instanceof TextEditorTool textEditor && textEditor.cacheControl() != null)
				|| (tool instanceof AdvisorTool advisor && advisor.cacheControl() != null)
				|| (tool instanceof ToolSearchTool toolSearch && toolSearch.cacheControl() != null);
	}

	private static boolean hasCacheControl(ContentBlock block) {
		if (block instanceof UnknownContentBlock unknown) {
			return !isAbsent(unknown.json().get("cache_control"));
		}
		// a block without the field of its own writes one it was read with among its additional properties
		return !isAbsent(block.additionalProperties().get("cache_control"))
				|| (block instanceof TextBlock text && text.cacheControl() != null)
				|| (block instanceof ImageBlock image && image.cacheControl() != null)
				|| (block instanceof DocumentBlock document && document.cacheControl() != null)
				|| (block instanceof SearchResultBlock searchResult && searchResult.cacheControl() != null)
				|| (block instanceof ToolUseBlock toolUse && toolUse.cacheControl() != null)
				|| (block instanceof ToolResultBlock toolResult && toolResult.cacheControl() != null)
				|| (block instanceof ServerToolUseBlock serverToolUse && serverToolUse.cacheControl() != null)
				|| (block instanceof WebSearchToolResultBlock webSearch && webSearch.cacheControl() != null)
				|| (block instanceof WebFetchToolResultBlock webFetch && webFetch.cacheControl() != null)
				|| (block instanceof CodeExecutionToolResultBlock codeExecution && codeExecution.cacheControl() != null)
				|| (block instanceof BashCodeExecutionToolResultBlock bash && bash.cacheControl() != null)
				|| (block instanceof TextEditorCodeExecutionToolResultBlock textEditor
						&& textEditor.cacheControl() != null)
				|| (block instanceof ToolSearchToolResultBlock toolSearch && toolSearch.cacheControl() != null)
				|| (block instanceof AdvisorToolResultBlock advisor && advisor.cacheControl() != null)
				|| (block instanceof ContainerUploadBlock containerUpload && containerUpload.cacheControl() != null)
				|| (block instanceof CompactionBlock compaction && compaction.cacheControl() != null)
				|| (block instanceof ToolAdditionBlock toolAddition && toolAddition.cacheControl() != null)
				|| (block instanceof ToolRemovalBlock toolRemoval && toolRemoval.cacheControl() != null);
	}

	private static void checkLength(String field, @Nullable String value) {
		if (value != null && value.length() > MAX_ID_LENGTH) {
			throw fail(field, "at most " + MAX_ID_LENGTH + " characters", field + " has " + value.length()
					+ " characters; the limit is at most " + MAX_ID_LENGTH + " characters");
		}
	}

	private static boolean isFiniteAtLeast(double number, double min) {
		return Double.isFinite(number) && number >= min;
	}

	/** A number as its JSON shows it: Jackson writes the non-finite ones as strings. */
	private static String text(double number) {
		return Double.isFinite(number) ? Double.toString(number) : "\"" + number + "\"";
	}

	private static boolean isAbsent(@Nullable JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode();
	}

	private static @Nullable String string(@Nullable JsonNode value) {
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static boolean isEmpty(@Nullable String value) {
		return value == null || value.isEmpty();
	}

	private static RequestValidationException fail(String field, String limit, String message) {
		return new RequestValidationException(field, limit,
				message.contains(limit) ? message : message + " (limit: " + limit + ")");
	}

}
