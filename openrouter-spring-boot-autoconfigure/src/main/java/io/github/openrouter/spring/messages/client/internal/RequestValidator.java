package io.github.openrouter.spring.messages.client.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.model.MessageContent;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.OutputConfig;
import io.github.openrouter.spring.messages.model.SystemPrompt;
import io.github.openrouter.spring.messages.model.TaskBudget;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.routing.FallbackModel;
import io.github.openrouter.spring.messages.model.tool.Tool;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.isAbsent;
import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.isIntegral;
import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.isObject;
import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.longValue;
import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.property;
import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.string;
import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.stringOrEmpty;
import static io.github.openrouter.spring.messages.client.internal.ModelJsonView.text;

/**
 * Checks a request, as it will be sent (client defaults merged), against the documented limits of
 * {@code POST /messages} before any network I/O; each broken limit throws a
 * {@link RequestValidationException} naming the field (as a JSON path) and the limit. Works on the
 * typed {@link MessageRequest}, so no JSON tree is built per call; the tests keep the earlier
 * tree-based rules as an oracle and check that both agree, message for message.
 *
 * <p>
 * The typed model already refuses what the JSON rules guard against for raw JSON (a message without
 * role or content, a block without type); the parts that may carry raw JSON (unknown blocks, tools,
 * choices, thinking configs) are read through {@link ModelJsonView}, which answers as their JSON would.
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
		validateMessages(request);
		validateSampling(request);
		validateThinking(request);
		validateTools(request);
		validateRouting(request);
		validateIds(request, options);
		validateOutputConfig(request);
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

	private static void validateMessages(MessageRequest request) {
		List<MessageParam> messages = request.messages();
		if (messages == null) {
			throw fail("messages", "required, at least 1 message", "messages is required and must be an array");
		}
		if (messages.isEmpty()) {
			throw fail("messages", "at least 1 message", "messages must contain at least 1 message but was empty");
		}
		for (int i = 0; i < messages.size(); i++) {
			MessageParam message = messages.get(i);
			if (message.role() == null || message.role().value() == null || message.role().value().isBlank()) {
				String path = "messages[" + i + "]";
				throw fail(path + ".role", "required", path + ".role is required (user, assistant or system)");
			}
			MessageContent content = message.content();
			if (content == null) {
				String path = "messages[" + i + "]";
				throw fail(path + ".content", "required", path + ".content is required");
			}
			if (content.text() != null) {
				if (content.text().isEmpty()) {
					String path = "messages[" + i + "]";
					throw fail(path + ".content", "not empty", path + ".content must not be an empty string");
				}
				continue;
			}
			List<ContentBlock> blocks = content.asBlocks();
			if (blocks.isEmpty()) {
				String path = "messages[" + i + "]";
				throw fail(path + ".content", "at least 1 content block",
						path + ".content must contain at least 1 content block but was empty");
			}
			for (int j = 0; j < blocks.size(); j++) {
				ContentBlock block = blocks.get(j);
				if (!isObject(block) || !hasText(property(block, "type"))) {
					String blockPath = "messages[" + i + "].content[" + j + "]";
					throw fail(blockPath + ".type", "required", blockPath + ".type is required");
				}
			}
		}
	}

	private static void validateSampling(MessageRequest request) {
		Integer maxTokens = request.maxTokens();
		if (maxTokens != null && maxTokens < 1) {
			throw fail("max_tokens", ">= 1",
					"max_tokens must be a positive integer (>= 1) but was " + text(maxTokens));
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
			throw fail("top_k", ">= 0", "top_k must be an integer >= 0 but was " + text(topK));
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

	private static void validateThinking(MessageRequest request) {
		Object thinking = request.thinking();
		if (thinking == null || !"enabled".equals(stringOrEmpty(property(thinking, "type")))) {
			return;
		}
		Object budget = property(thinking, "budget_tokens");
		if (isAbsent(budget) || !isIntegral(budget)) {
			throw fail("thinking.budget_tokens", "required when thinking is enabled",
					"thinking.budget_tokens is required when thinking.type is enabled");
		}
		if (longValue(budget) < MIN_THINKING_BUDGET) {
			throw fail("thinking.budget_tokens", ">= " + MIN_THINKING_BUDGET,
					"thinking.budget_tokens must be >= " + MIN_THINKING_BUDGET + " but was "
							+ text(budget));
		}
		Integer maxTokens = request.maxTokens();
		if (maxTokens != null && longValue(budget) >= maxTokens.longValue()) {
			throw fail("thinking.budget_tokens", "< max_tokens (" + text(maxTokens) + ")",
					"thinking.budget_tokens must be less than max_tokens (" + text(maxTokens) + ") but was "
							+ text(budget));
		}
	}

	private static void validateTools(MessageRequest request) {
		List<Tool> tools = request.tools();
		Set<String> names = (tools != null && !tools.isEmpty()) ? new HashSet<>() : Set.of();
		if (tools != null) {
			for (int i = 0; i < tools.size(); i++) {
				Tool tool = tools.get(i);
				Object name = property(tool, "name");
				Object type = property(tool, "type");
				boolean custom = isAbsent(type) || "custom".equals(stringOrEmpty(type));
				if (custom && !hasNonEmptyString(name)) {
					String path = "tools[" + i + "]";
					throw fail(path + ".name", "required for custom tools", path + ".name is required for a custom tool");
				}
				if (custom && isAbsent(property(tool, "input_schema"))) {
					String path = "tools[" + i + "]";
					throw fail(path + ".input_schema", "required for custom tools",
							path + ".input_schema is required for a custom tool");
				}
				if (hasNonEmptyString(name) && !names.add(string(name))) {
					String path = "tools[" + i + "]";
					throw fail(path + ".name", "unique among tools", path + ".name '" + string(name)
							+ "' is not unique: tool names must be unique among tools");
				}
			}
		}
		Object toolChoice = request.toolChoice();
		if (toolChoice != null && "tool".equals(stringOrEmpty(property(toolChoice, "type")))) {
			Object name = property(toolChoice, "name");
			if (!hasNonEmptyString(name)) {
				throw fail("tool_choice.name", "required when type is tool",
						"tool_choice.name is required when tool_choice.type is tool");
			}
			if (!names.contains(string(name))) {
				throw fail("tool_choice.name", "one of the names in tools",
						"tool_choice.name '" + string(name) + "' must be one of the names in tools " + names);
			}
		}
		if (request.stopServerToolsWhen() != null && request.stopServerToolsWhen().isEmpty()) {
			throw fail("stop_server_tools_when", "at least 1 condition",
					"stop_server_tools_when must contain at least 1 condition but was empty");
		}
	}

	private static void validateRouting(MessageRequest request) {
		List<FallbackModel> fallbacks = request.fallbacks();
		if (fallbacks == null) {
			return;
		}
		if (request.models() != null) {
			throw fail("fallbacks", "not together with models",
					"fallbacks cannot be combined with models: send one or the other");
		}
		if (fallbacks.size() > MAX_FALLBACKS) {
			throw fail("fallbacks", "at most " + MAX_FALLBACKS + " entries", "fallbacks has "
					+ fallbacks.size() + " entries; the limit is at most " + MAX_FALLBACKS);
		}
		for (int i = 0; i < fallbacks.size(); i++) {
			// at most three small objects: read from their JSON, which shows the full key set
			JsonNode fallback = ModelJsonView.tree(fallbacks.get(i));
			String path = "fallbacks[" + i + "]";
			if (!hasNonEmptyString(fallback.get("model"))) {
				throw fail(path + ".model", "required", path + ".model is required");
			}
			for (String key : fallback.propertyNames()) {
				if (!key.equals("model")) {
					throw fail(path + "." + key, "only model is allowed",
							path + "." + key + " is not allowed: a fallback entry may only carry model");
				}
			}
		}
	}

	private static void validateIds(MessageRequest request, RequestOptions options) {
		checkLength("session_id", request.sessionId());
		checkLength("user", request.user());
		String sessionId = options.sessionId();
		if (sessionId != null && sessionId.length() > MAX_ID_LENGTH) {
			throw fail("x-session-id", "at most " + MAX_ID_LENGTH + " characters", "the x-session-id option has "
					+ sessionId.length() + " characters; the limit is at most " + MAX_ID_LENGTH + " characters");
		}
	}

	private static void validateOutputConfig(MessageRequest request) {
		OutputConfig outputConfig = request.outputConfig();
		TaskBudget taskBudget = (outputConfig != null) ? outputConfig.taskBudget() : null;
		if (taskBudget == null) {
			return;
		}
		Integer total = taskBudget.total();
		if (total != null && total < MIN_TASK_BUDGET) {
			throw fail("output_config.task_budget.total", ">= " + MIN_TASK_BUDGET,
					"output_config.task_budget.total must be >= " + MIN_TASK_BUDGET + " but was "
							+ text(total));
		}
		Integer remaining = taskBudget.remaining();
		if (remaining != null && remaining < 0) {
			throw fail("output_config.task_budget.remaining", ">= 0",
					"output_config.task_budget.remaining must be >= 0 but was " + text(remaining));
		}
	}

	private static void validateCacheBreakpoints(MessageRequest request) {
		SystemPrompt system = request.system();
		int count = (system != null && system.text() == null) ? countCacheControl(system.asBlocks()) : 0;
		count += countCacheControl(request.tools());
		for (MessageParam message : request.messages()) {
			MessageContent content = message.content();
			if (content.text() == null) {
				count += countCacheControl(content.asBlocks());
			}
		}
		if (count > MAX_CACHE_BREAKPOINTS) {
			throw fail("cache_control", "at most " + MAX_CACHE_BREAKPOINTS
					+ " block-level breakpoints", "the request has " + count
							+ " block-level cache_control breakpoints; the limit is at most "
							+ MAX_CACHE_BREAKPOINTS);
		}
	}

	private static int countCacheControl(@Nullable List<?> blocks) {
		int count = 0;
		if (blocks != null) {
			for (Object block : blocks) {
				if (isObject(block) && !isAbsent(property(block, "cache_control"))) {
					count++;
				}
			}
		}
		return count;
	}

	private static void checkLength(String field, @Nullable String value) {
		if (value != null && value.length() > MAX_ID_LENGTH) {
			throw fail(field, "at most " + MAX_ID_LENGTH + " characters", field + " has " + value.length()
					+ " characters; the limit is at most " + MAX_ID_LENGTH + " characters");
		}
	}

	private static boolean isFiniteAtLeast(double number, double min) {
		return !Double.isNaN(number) && !Double.isInfinite(number) && number >= min;
	}

	private static boolean hasNonEmptyString(@Nullable Object resolved) {
		String text = string(resolved);
		return text != null && !text.isEmpty();
	}

	private static boolean hasText(@Nullable Object resolved) {
		String text = string(resolved);
		return text != null && !text.isBlank();
	}

	private static RequestValidationException fail(String field, String limit, String message) {
		return new RequestValidationException(field, limit,
				message.contains(limit) ? message : message + " (limit: " + limit + ")");
	}

}
