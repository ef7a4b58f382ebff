package io.github.openrouter.spring.messages.client.internal;

import java.util.HashSet;
import java.util.Set;

import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import tools.jackson.databind.JsonNode;

/**
 * The client's earlier validation rules, on the JSON tree of a request body: kept in the tests as
 * an oracle, so that {@link RequestValidator} (the typed rules the client runs) is checked to
 * accept and refuse exactly the same requests with the same field, limit and message.
 */
final class TreeRequestValidator {

	static final int MAX_ID_LENGTH = RequestValidator.MAX_ID_LENGTH;

	static final int MAX_FALLBACKS = RequestValidator.MAX_FALLBACKS;

	static final int MIN_THINKING_BUDGET = RequestValidator.MIN_THINKING_BUDGET;

	static final int MAX_CACHE_BREAKPOINTS = RequestValidator.MAX_CACHE_BREAKPOINTS;

	static final int MIN_TASK_BUDGET = RequestValidator.MIN_TASK_BUDGET;

	private TreeRequestValidator() {
	}

	/**
	 * Validates a request body and its per-call options.
	 * @param body the JSON body, with client defaults merged
	 * @param options the per-call options
	 * @throws RequestValidationException for the first broken limit
	 */
	static void validate(JsonNode body, RequestOptions options) {
		validateModel(body);
		validateMessages(body);
		validateSampling(body);
		validateThinking(body);
		validateTools(body);
		validateRouting(body);
		validateIds(body, options);
		validateOutputConfig(body);
		validateCacheBreakpoints(body);
	}

	private static void validateModel(JsonNode body) {
		JsonNode model = body.get("model");
		if (isAbsent(model)) {
			throw fail("model", "required",
					"model is required: set it on the request or configure a default model on the client");
		}
		if (!model.isString() || model.asString().isBlank()) {
			throw fail("model", "a non-empty string", "model must be a non-empty string");
		}
	}

	private static void validateMessages(JsonNode body) {
		JsonNode messages = body.get("messages");
		if (isAbsent(messages) || !messages.isArray()) {
			throw fail("messages", "required, at least 1 message", "messages is required and must be an array");
		}
		if (messages.isEmpty()) {
			throw fail("messages", "at least 1 message", "messages must contain at least 1 message but was empty");
		}
		for (int i = 0; i < messages.size(); i++) {
			String path = "messages[" + i + "]";
			JsonNode message = messages.get(i);
			if (message == null || !message.isObject()) {
				throw fail(path, "an object with role and content", path + " must be an object with role and content");
			}
			JsonNode role = message.get("role");
			if (isAbsent(role) || !role.isString() || role.asString().isBlank()) {
				throw fail(path + ".role", "required", path + ".role is required (user, assistant or system)");
			}
			JsonNode content = message.get("content");
			if (isAbsent(content)) {
				throw fail(path + ".content", "required", path + ".content is required");
			}
			if (content.isString() && content.asString().isEmpty()) {
				throw fail(path + ".content", "not empty", path + ".content must not be an empty string");
			}
			if (content.isArray() && content.isEmpty()) {
				throw fail(path + ".content", "at least 1 content block",
						path + ".content must contain at least 1 content block but was empty");
			}
			if (content.isArray()) {
				for (int j = 0; j < content.size(); j++) {
					JsonNode block = content.get(j);
					if (block == null || !block.isObject() || !hasText(block.get("type"))) {
						String blockPath = path + ".content[" + j + "]";
						throw fail(blockPath + ".type", "required", blockPath + ".type is required");
					}
				}
			}
		}
	}

	private static void validateSampling(JsonNode body) {
		JsonNode maxTokens = body.get("max_tokens");
		if (!isAbsent(maxTokens) && (!maxTokens.isIntegralNumber() || maxTokens.longValue() < 1)) {
			throw fail("max_tokens", ">= 1", "max_tokens must be a positive integer (>= 1) but was " + maxTokens);
		}
		JsonNode temperature = body.get("temperature");
		if (!isAbsent(temperature) && !isFiniteAtLeast(temperature, 0)) {
			throw fail("temperature", ">= 0", "temperature must be a finite number >= 0 but was " + temperature);
		}
		JsonNode topP = body.get("top_p");
		if (!isAbsent(topP) && !(isFiniteAtLeast(topP, 0) && topP.doubleValue() <= 1.0)) {
			throw fail("top_p", "between 0 and 1", "top_p must be between 0 and 1 but was " + topP);
		}
		JsonNode topK = body.get("top_k");
		if (!isAbsent(topK) && (!topK.isIntegralNumber() || topK.longValue() < 0)) {
			throw fail("top_k", ">= 0", "top_k must be an integer >= 0 but was " + topK);
		}
		JsonNode stopSequences = body.get("stop_sequences");
		if (!isAbsent(stopSequences) && stopSequences.isArray()) {
			for (int i = 0; i < stopSequences.size(); i++) {
				if (!hasNonEmptyString(stopSequences.get(i))) {
					String path = "stop_sequences[" + i + "]";
					throw fail(path, "a non-empty string", path + " must be a non-empty string");
				}
			}
		}
	}

	private static void validateThinking(JsonNode body) {
		JsonNode thinking = body.get("thinking");
		if (isAbsent(thinking) || !"enabled".equals(thinking.path("type").asString(""))) {
			return;
		}
		JsonNode budget = thinking.get("budget_tokens");
		if (isAbsent(budget) || !budget.isIntegralNumber()) {
			throw fail("thinking.budget_tokens", "required when thinking is enabled",
					"thinking.budget_tokens is required when thinking.type is enabled");
		}
		if (budget.longValue() < MIN_THINKING_BUDGET) {
			throw fail("thinking.budget_tokens", ">= " + MIN_THINKING_BUDGET,
					"thinking.budget_tokens must be >= " + MIN_THINKING_BUDGET + " but was " + budget);
		}
		JsonNode maxTokens = body.get("max_tokens");
		if (!isAbsent(maxTokens) && budget.longValue() >= maxTokens.longValue()) {
			throw fail("thinking.budget_tokens", "< max_tokens (" + maxTokens + ")",
					"thinking.budget_tokens must be less than max_tokens (" + maxTokens + ") but was " + budget);
		}
	}

	private static void validateTools(JsonNode body) {
		JsonNode tools = body.get("tools");
		Set<String> names = new HashSet<>();
		if (!isAbsent(tools) && tools.isArray()) {
			for (int i = 0; i < tools.size(); i++) {
				JsonNode tool = tools.get(i);
				String path = "tools[" + i + "]";
				JsonNode name = tool.get("name");
				boolean custom = isAbsent(tool.get("type")) || "custom".equals(tool.path("type").asString(""));
				if (custom && !hasNonEmptyString(name)) {
					throw fail(path + ".name", "required for custom tools", path + ".name is required for a custom tool");
				}
				if (custom && isAbsent(tool.get("input_schema"))) {
					throw fail(path + ".input_schema", "required for custom tools",
							path + ".input_schema is required for a custom tool");
				}
				if (hasNonEmptyString(name) && !names.add(name.asString())) {
					throw fail(path + ".name", "unique among tools",
							path + ".name '" + name.asString() + "' is not unique: tool names must be unique among tools");
				}
			}
		}
		JsonNode toolChoice = body.get("tool_choice");
		if (!isAbsent(toolChoice) && "tool".equals(toolChoice.path("type").asString(""))) {
			JsonNode name = toolChoice.get("name");
			if (!hasNonEmptyString(name)) {
				throw fail("tool_choice.name", "required when type is tool",
						"tool_choice.name is required when tool_choice.type is tool");
			}
			if (!names.contains(name.asString())) {
				throw fail("tool_choice.name", "one of the names in tools",
						"tool_choice.name '" + name.asString() + "' must be one of the names in tools " + names);
			}
		}
		JsonNode stopWhen = body.get("stop_server_tools_when");
		if (!isAbsent(stopWhen) && stopWhen.isArray() && stopWhen.isEmpty()) {
			throw fail("stop_server_tools_when", "at least 1 condition",
					"stop_server_tools_when must contain at least 1 condition but was empty");
		}
	}

	private static void validateRouting(JsonNode body) {
		JsonNode fallbacks = body.get("fallbacks");
		if (isAbsent(fallbacks)) {
			return;
		}
		if (!isAbsent(body.get("models"))) {
			throw fail("fallbacks", "not together with models",
					"fallbacks cannot be combined with models: send one or the other");
		}
		if (fallbacks.isArray()) {
			if (fallbacks.size() > MAX_FALLBACKS) {
				throw fail("fallbacks", "at most " + MAX_FALLBACKS + " entries",
						"fallbacks has " + fallbacks.size() + " entries; the limit is at most " + MAX_FALLBACKS);
			}
			for (int i = 0; i < fallbacks.size(); i++) {
				JsonNode fallback = fallbacks.get(i);
				String path = "fallbacks[" + i + "]";
				if (fallback == null || !hasNonEmptyString(fallback.get("model"))) {
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
	}

	private static void validateIds(JsonNode body, RequestOptions options) {
		checkLength("session_id", body.get("session_id"));
		checkLength("user", body.get("user"));
		String sessionId = options.sessionId();
		if (sessionId != null && sessionId.length() > MAX_ID_LENGTH) {
			throw fail("x-session-id", "at most " + MAX_ID_LENGTH + " characters", "the x-session-id option has "
					+ sessionId.length() + " characters; the limit is at most " + MAX_ID_LENGTH + " characters");
		}
	}

	private static void validateOutputConfig(JsonNode body) {
		JsonNode taskBudget = body.path("output_config").path("task_budget");
		if (!taskBudget.isObject()) {
			return;
		}
		JsonNode total = taskBudget.get("total");
		if (!isAbsent(total) && (!total.isIntegralNumber() || total.longValue() < MIN_TASK_BUDGET)) {
			throw fail("output_config.task_budget.total", ">= " + MIN_TASK_BUDGET,
					"output_config.task_budget.total must be >= " + MIN_TASK_BUDGET + " but was " + total);
		}
		JsonNode remaining = taskBudget.get("remaining");
		if (!isAbsent(remaining) && (!remaining.isIntegralNumber() || remaining.longValue() < 0)) {
			throw fail("output_config.task_budget.remaining", ">= 0",
					"output_config.task_budget.remaining must be >= 0 but was " + remaining);
		}
	}

	private static void validateCacheBreakpoints(JsonNode body) {
		int count = countCacheControl(body.get("system")) + countCacheControl(body.get("tools"));
		JsonNode messages = body.get("messages");
		for (JsonNode message : messages) {
			count += countCacheControl(message.get("content"));
		}
		if (count > MAX_CACHE_BREAKPOINTS) {
			throw fail("cache_control", "at most " + MAX_CACHE_BREAKPOINTS + " block-level breakpoints",
					"the request has " + count + " block-level cache_control breakpoints; the limit is at most "
							+ MAX_CACHE_BREAKPOINTS);
		}
	}

	private static int countCacheControl(JsonNode blocks) {
		int count = 0;
		if (blocks != null && blocks.isArray()) {
			for (JsonNode block : blocks) {
				if (block.isObject() && !isAbsent(block.get("cache_control"))) {
					count++;
				}
			}
		}
		return count;
	}

	private static void checkLength(String field, JsonNode value) {
		if (!isAbsent(value) && value.isString() && value.asString().length() > MAX_ID_LENGTH) {
			throw fail(field, "at most " + MAX_ID_LENGTH + " characters", field + " has " + value.asString().length()
					+ " characters; the limit is at most " + MAX_ID_LENGTH + " characters");
		}
	}

	private static boolean isFiniteAtLeast(JsonNode value, double min) {
		if (!value.isNumber()) {
			return false;
		}
		double number = value.doubleValue();
		return !Double.isNaN(number) && !Double.isInfinite(number) && number >= min;
	}

	private static boolean hasNonEmptyString(JsonNode value) {
		return value != null && value.isString() && !value.asString().isEmpty();
	}

	private static boolean hasText(JsonNode value) {
		return value != null && value.isString() && !value.asString().isBlank();
	}

	private static boolean isAbsent(JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode();
	}

	static RequestValidationException fail(String field, String limit, String message) {
		String full = message.contains(limit) ? message : message + " (limit: " + limit + ")";
		return new RequestValidationException(field, limit, full);
	}

}
