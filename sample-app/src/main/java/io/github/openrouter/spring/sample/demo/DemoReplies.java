package io.github.openrouter.spring.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The "model" behind the demo stub: turns a Messages request into a deterministic answer that
 * echoes the user's last message, with usage computed by {@link DemoTokens}.
 *
 * <p>
 * It understands enough of the request to make every README example meaningful: a system
 * prompt, images and documents (counted, not read), tools (it calls the first custom tool, then
 * reports the tool result), extended thinking (one short thinking block), {@code max_tokens}
 * (the answer is cut), prompt caching ({@code cache_control} on blocks or at the top level: the
 * first call writes the prefix, later identical prefixes read it) and provider preferences
 * ({@code provider.order} picks the provider).
 *
 * @since 0.1.0
 */
public final class DemoReplies {

	/** Sentence every echoed answer ends with. */
	public static final String DEMO_NOTE = "This answer comes from the demo stub on your machine, not from a model;"
			+ " set OPENROUTER_API_KEY to talk to OpenRouter.";

	/** A model the stub never serves: a request for it is answered by its first fallback model. */
	public static final String UNAVAILABLE_MODEL = "demo/unavailable";

	private static final int DEFAULT_MAX_TOKENS = 4096;

	private static final Map<String, String> PROVIDERS_BY_AUTHOR = Map.of("anthropic", "Anthropic", "openai",
			"OpenAI", "google", "Google", "mistralai", "Mistral", "deepseek", "DeepSeek", "x-ai", "xAI", "meta-llama",
			"Together", "qwen", "Alibaba");

	private final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private final Set<String> cachedPrefixes = ConcurrentHashMap.newKeySet();

	private final AtomicLong sequence = new AtomicLong();

	/**
	 * Returns the answer text the stub gives to a plain text message.
	 * @param userText the user's last message
	 * @return the echoed answer
	 */
	public static String echo(String userText) {
		return "You said: \"" + userText.strip() + "\". " + DEMO_NOTE;
	}

	/**
	 * Returns the provider the stub reports for a model when no {@code provider.order} is given.
	 * @param model the model slug
	 * @return the provider name
	 */
	public static String providerFor(String model) {
		int slash = model.indexOf('/');
		String author = (slash > 0) ? model.substring(0, slash).toLowerCase(Locale.ROOT) : "";
		return PROVIDERS_BY_AUTHOR.getOrDefault(author, "Demo");
	}

	/**
	 * Answers a request.
	 * @param request the request body
	 * @return the answer
	 * @throws DemoRequestException if the request lacks {@code model} or {@code messages}
	 */
	public DemoReply reply(JsonNode request) {
		String model = model(request);
		JsonNode messages = request.path("messages");
		if (!messages.isArray() || messages.isEmpty()) {
			throw new DemoRequestException("Invalid request: messages is required");
		}
		int maxTokens = request.path("max_tokens").asInt(DEFAULT_MAX_TOKENS);
		if (maxTokens <= 0) {
			throw new DemoRequestException("Invalid request: max_tokens must be greater than 0");
		}
		long number = this.sequence.incrementAndGet();
		List<Segment> segments = segments(request);
		int prefixEnd = cachePrefixEnd(request, segments);
		int prefixTokens = 0;
		StringBuilder prefixKey = new StringBuilder(model);
		for (int i = 0; i <= prefixEnd; i++) {
			prefixTokens += segments.get(i).tokens();
			prefixKey.append('\u0000').append(segments.get(i).text());
		}
		int totalTokens = segments.stream().mapToInt(Segment::tokens).sum();
		boolean cacheHit = prefixEnd >= 0 && !this.cachedPrefixes.add(prefixKey.toString());
		int cacheWrite = (prefixEnd >= 0 && !cacheHit) ? prefixTokens : 0;
		int cacheRead = cacheHit ? prefixTokens : 0;
		int inputTokens = totalTokens - prefixTokens;

		JsonNode lastUser = lastUserMessage(messages);
		List<JsonNode> content = new ArrayList<>();
		int thinkingTokens = 0;
		String thinkingType = request.path("thinking").path("type").asString("");
		if ("enabled".equals(thinkingType) || "adaptive".equals(thinkingType)) {
			String thinking = "The user wrote " + DemoTokens.count(userText(lastUser))
					+ " words. In demo mode I echo them back.";
			thinkingTokens = DemoTokens.count(thinking);
			content.add(this.nodes.objectNode()
				.put("type", "thinking")
				.put("thinking", thinking)
				.put("signature", "demo-signature-" + Integer.toHexString(thinking.hashCode())));
		}
		String stopReason = "end_turn";
		int remaining = Math.max(0, maxTokens - thinkingTokens);
		@Nullable JsonNode tool = toolToCall(request, lastUser);
		String text = answerText(lastUser, tool);
		if (DemoTokens.count(text) > remaining) {
			text = firstWords(text, remaining);
			stopReason = "max_tokens";
			tool = null;
		}
		int outputTokens = thinkingTokens + DemoTokens.count(text);
		content.add(this.nodes.objectNode().put("type", "text").put("text", text));
		if (tool != null) {
			ObjectNode input = toolInput(tool, userText(lastUser));
			String name = tool.path("name").asString("");
			content.add(this.nodes.objectNode()
				.put("type", "tool_use")
				.put("id", String.format(Locale.ROOT, "toolu_demo_%06d", number))
				.put("name", name)
				.set("input", input));
			outputTokens += DemoTokens.count(name + " " + input);
			stopReason = "tool_use";
		}
		String provider = provider(request, model);
		return new DemoReply(String.format(Locale.ROOT, "msg_demo_%06d", number), model, provider, content,
				stopReason, inputTokens, outputTokens, cacheWrite, cacheRead, thinkingTokens,
				DemoTokens.cost(inputTokens, outputTokens, cacheWrite, cacheRead),
				metadata(request, model, provider));
	}

	private static String model(JsonNode request) {
		String model = request.path("model").asString("");
		if (model.isBlank() || model.equals(UNAVAILABLE_MODEL)) {
			// the unavailable model "fails over" to the first fallback, as OpenRouter would
			model = request.path("models").path(0).asString("");
		}
		if (model.isBlank()) {
			throw new DemoRequestException("Invalid request: model is required");
		}
		return model;
	}

	private static String provider(JsonNode request, String model) {
		String first = request.path("provider").path("order").path(0).asString("");
		return first.isBlank() ? providerFor(model) : first;
	}

	private List<Segment> segments(JsonNode request) {
		List<Segment> segments = new ArrayList<>();
		for (JsonNode tool : request.path("tools")) {
			String text = tool.path("name").asString("") + " " + tool.path("description").asString("") + " "
					+ (tool.has("input_schema") ? tool.get("input_schema").toString() : "");
			segments.add(new Segment(text, DemoTokens.count(text), tool.has("cache_control")));
		}
		JsonNode system = request.path("system");
		if (system.isString()) {
			segments.add(new Segment(system.stringValue(), DemoTokens.count(system.stringValue()), false));
		}
		for (JsonNode block : system.isArray() ? system : this.nodes.arrayNode()) {
			segments.add(blockSegment(block));
		}
		for (JsonNode message : request.path("messages")) {
			JsonNode content = message.path("content");
			if (content.isString()) {
				segments.add(new Segment(content.stringValue(), DemoTokens.count(content.stringValue()), false));
			}
			for (JsonNode block : content.isArray() ? content : this.nodes.arrayNode()) {
				segments.add(blockSegment(block));
			}
		}
		return segments;
	}

	private static Segment blockSegment(JsonNode block) {
		boolean breakpoint = block.has("cache_control");
		switch (block.path("type").asString("")) {
			case "text":
				return textSegment(block.path("text").asString(""), breakpoint);
			case "image":
				return new Segment(block.toString(), DemoTokens.IMAGE_TOKENS, breakpoint);
			case "document":
				return new Segment(block.toString(), DemoTokens.DOCUMENT_TOKENS, breakpoint);
			case "tool_use":
				return textSegment(block.path("name").asString("") + " " + block.path("input"), breakpoint);
			case "tool_result":
				return textSegment(toolResultText(block), breakpoint);
			case "thinking":
				return textSegment(block.path("thinking").asString(""), breakpoint);
			default:
				return new Segment(block.toString(), 0, breakpoint);
		}
	}

	private static Segment textSegment(String text, boolean breakpoint) {
		return new Segment(text, DemoTokens.count(text), breakpoint);
	}

	private static int cachePrefixEnd(JsonNode request, List<Segment> segments) {
		if (request.has("cache_control")) {
			return segments.size() - 1;
		}
		int end = -1;
		for (int i = 0; i < segments.size(); i++) {
			if (segments.get(i).cacheBreakpoint()) {
				end = i;
			}
		}
		return end;
	}

	private JsonNode lastUserMessage(JsonNode messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).path("role").asString(""))) {
				return messages.get(i);
			}
		}
		return this.nodes.objectNode();
	}

	private static String userText(JsonNode message) {
		JsonNode content = message.path("content");
		if (content.isString()) {
			return content.stringValue();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode block : content) {
			if ("text".equals(block.path("type").asString(""))) {
				text.append((text.length() > 0) ? " " : "").append(block.path("text").asString(""));
			}
		}
		return text.toString();
	}

	private static String toolResultText(JsonNode block) {
		JsonNode content = block.path("content");
		if (content.isString()) {
			return content.stringValue();
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			text.append((text.length() > 0) ? " " : "").append(part.path("text").asString(""));
		}
		return text.toString();
	}

	private static @Nullable JsonNode toolToCall(JsonNode request, JsonNode lastUser) {
		for (JsonNode block : lastUser.path("content")) {
			if ("tool_result".equals(block.path("type").asString(""))) {
				return null;
			}
		}
		JsonNode choice = request.path("tool_choice");
		String choiceType = choice.path("type").asString("auto");
		if ("none".equals(choiceType)) {
			return null;
		}
		String wanted = "tool".equals(choiceType) ? choice.path("name").asString("") : "";
		for (JsonNode tool : request.path("tools")) {
			boolean custom = tool.has("input_schema");
			if (custom && (wanted.isEmpty() || wanted.equals(tool.path("name").asString("")))) {
				return tool;
			}
		}
		return null;
	}

	private static String answerText(JsonNode lastUser, @Nullable JsonNode tool) {
		List<String> results = new ArrayList<>();
		int images = 0;
		int documents = 0;
		for (JsonNode block : lastUser.path("content")) {
			String type = block.path("type").asString("");
			if ("tool_result".equals(type)) {
				results.add(toolResultText(block));
			}
			images += "image".equals(type) ? 1 : 0;
			documents += "document".equals(type) ? 1 : 0;
		}
		if (!results.isEmpty()) {
			return "The tool returned: " + String.join("; ", results) + ". " + DEMO_NOTE;
		}
		if (tool != null) {
			return "Let me call " + tool.path("name").asString("") + ".";
		}
		String text = echo(userText(lastUser));
		if (images > 0 || documents > 0) {
			text = "You attached " + images + " image(s) and " + documents + " document(s). " + text;
		}
		return text;
	}

	private ObjectNode toolInput(JsonNode tool, String userText) {
		ObjectNode input = this.nodes.objectNode();
		for (Map.Entry<String, JsonNode> property : tool.path("input_schema").path("properties").properties()) {
			String type = property.getValue().path("type").asString("string");
			switch (type) {
				case "integer":
				case "number":
					input.put(property.getKey(), 1);
					break;
				case "boolean":
					input.put(property.getKey(), true);
					break;
				case "string":
					JsonNode choices = property.getValue().path("enum");
					input.put(property.getKey(), choices.isArray() && !choices.isEmpty()
							? choices.get(0).asString("") : userText.strip());
					break;
				default:
					break;
			}
		}
		return input;
	}

	private static String firstWords(String text, int words) {
		int seen = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				if (seen == words) {
					return text.substring(0, i).stripTrailing();
				}
				seen++;
			}
			inWord = !space;
		}
		return text;
	}

	private ObjectNode metadata(JsonNode request, String model, String provider) {
		ObjectNode metadata = this.nodes.objectNode();
		ArrayNode available = this.nodes.arrayNode();
		available.addObject().put("provider", provider).put("model", model).put("selected", true);
		for (JsonNode fallback : request.path("models")) {
			addFallback(available, model, fallback.asString(""));
		}
		for (JsonNode fallback : request.path("fallbacks")) {
			addFallback(available, model, fallback.path("model").asString(""));
		}
		metadata.put("requested", model)
			.put("strategy", "direct")
			.put("region", "local")
			.put("summary", "available=" + available.size() + ", selected=" + provider)
			.put("attempt", 1)
			.put("is_byok", false);
		ObjectNode endpoints = metadata.putObject("endpoints");
		endpoints.put("total", available.size());
		endpoints.set("available", available);
		return metadata;
	}

	private static void addFallback(ArrayNode available, String model, String fallback) {
		if (!fallback.isBlank() && !fallback.equals(model)) {
			available.addObject().put("provider", providerFor(fallback)).put("model", fallback).put("selected", false);
		}
	}

	private record Segment(String text, int tokens, boolean cacheBreakpoint) {
	}

}
