package io.github.openrouter.spring.sample.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.openrouter.spring.messages.model.AdaptiveThinking;
import io.github.openrouter.spring.messages.model.CacheCreation;
import io.github.openrouter.spring.messages.model.EnabledThinking;
import io.github.openrouter.spring.messages.model.EndpointCandidate;
import io.github.openrouter.spring.messages.model.MessageContent;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.OutputFormat;
import io.github.openrouter.spring.messages.model.OutputTokensDetails;
import io.github.openrouter.spring.messages.model.Role;
import io.github.openrouter.spring.messages.model.RoutingEndpoints;
import io.github.openrouter.spring.messages.model.RoutingStrategy;
import io.github.openrouter.spring.messages.model.ServiceTier;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.DocumentBlock;
import io.github.openrouter.spring.messages.model.content.ImageBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.routing.FallbackModel;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.NamedToolChoice;
import io.github.openrouter.spring.messages.model.tool.NoneToolChoice;
import io.github.openrouter.spring.messages.model.tool.Tool;
import io.github.openrouter.spring.test.StubAnswer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The "model" behind the demo mode: turns a Messages request into a deterministic answer that
 * echoes the user's last message, with usage computed by {@link DemoTokens}. The
 * {@link io.github.openrouter.spring.test.OpenRouterStub} writes it on the wire.
 *
 * <p>
 * It understands enough of the request to make every README example meaningful: a system
 * prompt, images and documents (counted, not read), tools (it calls the first custom tool, then
 * reports the tool result), extended thinking (one short thinking block), {@code max_tokens}
 * (the answer is cut), structured output ({@code output_config.format}: the answer is JSON that
 * fits the schema, its strings the user's text), prompt caching ({@code cache_control} on blocks or at the top level: the
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

	private final JsonMapper mapper = JsonMapper.builder().build();

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
	 * Answers a request: the {@link #reply reply}, or OpenRouter's 400 for a request it rejects.
	 * @param request the request
	 * @return the stub's answer
	 */
	public StubAnswer answer(MessageRequest request) {
		try {
			return StubAnswer.message(reply(request));
		}
		catch (DemoRequestException ex) {
			return StubAnswer.error(400, ex.getMessage());
		}
	}

	/**
	 * Answers a request.
	 * @param request the request
	 * @return the answer, with usage, cost, provider and routing metadata
	 * @throws DemoRequestException if the request lacks a model or {@code messages}, or asks for
	 * no tokens
	 */
	public MessageResponse reply(MessageRequest request) {
		String model = model(request);
		if (request.messages().isEmpty()) {
			throw new DemoRequestException("Invalid request: messages is required");
		}
		int maxTokens = (request.maxTokens() != null) ? request.maxTokens() : DEFAULT_MAX_TOKENS;
		if (maxTokens <= 0) {
			throw new DemoRequestException("Invalid request: max_tokens must be greater than 0");
		}
		long number = this.sequence.incrementAndGet();
		List<Segment> segments = segments(request);
		int prefixEnd = (request.cacheControl() != null) ? segments.size() - 1 : lastBreakpoint(segments);
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

		MessageParam lastUser = lastUserMessage(request);
		List<ContentBlock> content = new ArrayList<>();
		int thinkingTokens = 0;
		if (request.thinking() instanceof EnabledThinking || request.thinking() instanceof AdaptiveThinking) {
			String thinking = "The user wrote " + DemoTokens.count(userText(lastUser))
					+ " words. In demo mode I echo them back.";
			thinkingTokens = DemoTokens.count(thinking);
			content.add(new ThinkingBlock(ThinkingBlock.TYPE, thinking,
					"demo-signature-" + Integer.toHexString(thinking.hashCode())));
		}
		StopReason stopReason = StopReason.END_TURN;
		int remaining = Math.max(0, maxTokens - thinkingTokens);
		CustomTool tool = toolToCall(request, lastUser);
		String text = answerText(lastUser, tool);
		JsonNode schema = jsonSchema(request);
		if (tool == null && schema != null) {
			text = example(schema, userText(lastUser)).toString();
		}
		if (DemoTokens.count(text) > remaining) {
			text = firstWords(text, remaining);
			stopReason = StopReason.MAX_TOKENS;
			tool = null;
		}
		int outputTokens = thinkingTokens + DemoTokens.count(text);
		content.add(TextBlock.of(text));
		if (tool != null) {
			ObjectNode input = toolInput(tool, userText(lastUser));
			content.add(ToolUseBlock.of(String.format(Locale.ROOT, "toolu_demo_%06d", number), tool.name(), input));
			outputTokens += DemoTokens.count(tool.name() + " " + input);
			stopReason = StopReason.TOOL_USE;
		}
		String provider = provider(request, model);
		Usage usage = new Usage(inputTokens, outputTokens, cacheWrite, cacheRead, new CacheCreation(cacheWrite, 0),
				(thinkingTokens > 0) ? new OutputTokensDetails(thinkingTokens) : null, null, ServiceTier.STANDARD,
				"not_available", null, null, DemoTokens.cost(inputTokens, outputTokens, cacheWrite, cacheRead), null,
				false);
		return MessageResponse.builder()
			.id(String.format(Locale.ROOT, "msg_demo_%06d", number))
			.model(model)
			.provider(provider)
			.content(content)
			.stopReason(stopReason)
			.usage(usage)
			.openrouterMetadata(metadata(request, model, provider))
			.generationId(String.format(Locale.ROOT, "gen-demo-%06d", number))
			.build();
	}

	private static String model(MessageRequest request) {
		String model = (request.model() != null) ? request.model() : "";
		if ((model.isBlank() || model.equals(UNAVAILABLE_MODEL)) && request.models() != null
				&& !request.models().isEmpty()) {
			// the unavailable model "fails over" to the first fallback, as OpenRouter would
			model = request.models().get(0);
		}
		if (model.isBlank()) {
			throw new DemoRequestException("Invalid request: model is required");
		}
		return model;
	}

	private static String provider(MessageRequest request, String model) {
		List<String> order = (request.provider() != null) ? request.provider().order() : null;
		return (order != null && !order.isEmpty()) ? order.get(0) : providerFor(model);
	}

	private List<Segment> segments(MessageRequest request) {
		List<Segment> segments = new ArrayList<>();
		for (Tool tool : (request.tools() != null) ? request.tools() : List.<Tool>of()) {
			String text = (tool instanceof CustomTool custom)
					? custom.name() + " " + ((custom.description() != null) ? custom.description() : "") + " "
							+ custom.inputSchema()
					: this.mapper.writeValueAsString(tool);
			segments.add(new Segment(text, DemoTokens.count(text), hasCacheControl(tool)));
		}
		if (request.system() != null && request.system().text() != null) {
			String system = request.system().text();
			segments.add(new Segment(system, DemoTokens.count(system), false));
		}
		else if (request.system() != null) {
			request.system().asBlocks().forEach((block) -> segments.add(blockSegment(block)));
		}
		for (MessageParam message : request.messages()) {
			MessageContent content = message.content();
			if (content.text() != null) {
				segments.add(new Segment(content.text(), DemoTokens.count(content.text()), false));
			}
			else {
				content.asBlocks().forEach((block) -> segments.add(blockSegment(block)));
			}
		}
		return segments;
	}

	private Segment blockSegment(ContentBlock block) {
		boolean breakpoint = hasCacheControl(block);
		if (block instanceof TextBlock text) {
			return textSegment(text.text(), breakpoint);
		}
		if (block instanceof ImageBlock) {
			return new Segment(this.mapper.writeValueAsString(block), DemoTokens.IMAGE_TOKENS, breakpoint);
		}
		if (block instanceof DocumentBlock) {
			return new Segment(this.mapper.writeValueAsString(block), DemoTokens.DOCUMENT_TOKENS, breakpoint);
		}
		if (block instanceof ToolUseBlock toolUse) {
			return textSegment(toolUse.name() + " " + toolUse.input(), breakpoint);
		}
		if (block instanceof ToolResultBlock toolResult) {
			return textSegment(toolResultText(toolResult), breakpoint);
		}
		if (block instanceof ThinkingBlock thinking) {
			return textSegment(thinking.thinking(), breakpoint);
		}
		return new Segment(this.mapper.writeValueAsString(block), 0, breakpoint);
	}

	/**
	 * Returns whether a block or tool is a cache breakpoint; most types can be one, so this reads
	 * the JSON rather than asking each type.
	 */
	private boolean hasCacheControl(Object blockOrTool) {
		return this.mapper.valueToTree(blockOrTool).has("cache_control");
	}

	private static Segment textSegment(String text, boolean breakpoint) {
		return new Segment(text, DemoTokens.count(text), breakpoint);
	}

	private static int lastBreakpoint(List<Segment> segments) {
		int end = -1;
		for (int i = 0; i < segments.size(); i++) {
			if (segments.get(i).cacheBreakpoint()) {
				end = i;
			}
		}
		return end;
	}

	private static @Nullable MessageParam lastUserMessage(MessageRequest request) {
		List<MessageParam> messages = request.messages();
		for (int i = messages.size() - 1; i >= 0; i--) {
			if (Role.USER.equals(messages.get(i).role())) {
				return messages.get(i);
			}
		}
		return null;
	}

	private static List<ContentBlock> blocks(@Nullable MessageParam message) {
		return (message != null) ? message.content().asBlocks() : List.of();
	}

	private static String userText(@Nullable MessageParam message) {
		if (message == null) {
			return "";
		}
		if (message.content().text() != null) {
			return message.content().text();
		}
		List<String> texts = new ArrayList<>();
		for (ContentBlock block : blocks(message)) {
			if (block instanceof TextBlock text) {
				texts.add(text.text());
			}
		}
		return String.join(" ", texts);
	}

	private static String toolResultText(ToolResultBlock block) {
		if (block.content() == null) {
			return "";
		}
		if (block.content().text() != null) {
			return block.content().text();
		}
		List<String> texts = new ArrayList<>();
		for (ContentBlock part : block.content().asBlocks()) {
			texts.add((part instanceof TextBlock text) ? text.text() : "");
		}
		return String.join(" ", texts);
	}

	private static @Nullable CustomTool toolToCall(MessageRequest request, @Nullable MessageParam lastUser) {
		if (blocks(lastUser).stream().anyMatch(ToolResultBlock.class::isInstance)
				|| request.toolChoice() instanceof NoneToolChoice) {
			return null;
		}
		String wanted = (request.toolChoice() instanceof NamedToolChoice named) ? named.name() : "";
		for (Tool tool : (request.tools() != null) ? request.tools() : List.<Tool>of()) {
			if (tool instanceof CustomTool custom && (wanted.isEmpty() || wanted.equals(custom.name()))) {
				return custom;
			}
		}
		return null;
	}

	private static String answerText(@Nullable MessageParam lastUser, @Nullable CustomTool tool) {
		List<String> results = new ArrayList<>();
		int images = 0;
		int documents = 0;
		for (ContentBlock block : blocks(lastUser)) {
			if (block instanceof ToolResultBlock toolResult) {
				results.add(toolResultText(toolResult));
			}
			images += (block instanceof ImageBlock) ? 1 : 0;
			documents += (block instanceof DocumentBlock) ? 1 : 0;
		}
		if (!results.isEmpty()) {
			return "The tool returned: " + String.join("; ", results) + ". " + DEMO_NOTE;
		}
		if (tool != null) {
			return "Let me call " + tool.name() + ".";
		}
		String text = echo(userText(lastUser));
		if (images > 0 || documents > 0) {
			text = "You attached " + images + " image(s) and " + documents + " document(s). " + text;
		}
		return text;
	}

	private ObjectNode toolInput(CustomTool tool, String userText) {
		return (ObjectNode) example(tool.inputSchema(), userText);
	}

	private static @Nullable JsonNode jsonSchema(MessageRequest request) {
		OutputFormat format = (request.outputConfig() != null) ? request.outputConfig().format() : null;
		return (format != null && "json_schema".equals(format.type())) ? format.schema() : null;
	}

	/**
	 * Returns a value that fits a JSON schema: objects with every property, one-item arrays, the
	 * first enum constant or the user's text for strings, 1 for numbers, true for booleans.
	 */
	private JsonNode example(JsonNode schema, String userText) {
		JsonNode anyOf = schema.path("anyOf");
		if (anyOf.isArray() && !anyOf.isEmpty()) {
			for (JsonNode member : anyOf) {
				if (!"null".equals(member.path("type").asString(""))) {
					return example(member, userText);
				}
			}
		}
		JsonNode choices = schema.path("enum");
		if (choices.isArray() && !choices.isEmpty()) {
			return choices.get(0);
		}
		switch (typeOf(schema)) {
			case "object":
				ObjectNode object = this.mapper.createObjectNode();
				for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
					object.set(property.getKey(), example(property.getValue(), userText));
				}
				return object;
			case "array":
				return this.mapper.createArrayNode().add(example(schema.path("items"), userText));
			case "integer":
			case "number":
				return this.mapper.getNodeFactory().numberNode(1);
			case "boolean":
				return this.mapper.getNodeFactory().booleanNode(true);
			case "null":
				return this.mapper.getNodeFactory().nullNode();
			default:
				return this.mapper.getNodeFactory().stringNode(userText.strip());
		}
	}

	private static String typeOf(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode name : type) {
				if (!"null".equals(name.asString(""))) {
					return name.asString("");
				}
			}
		}
		return type.asString("string");
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

	private static OpenRouterMetadata metadata(MessageRequest request, String model, String provider) {
		List<EndpointCandidate> available = new ArrayList<>();
		available.add(new EndpointCandidate(provider, model, true));
		for (String fallback : (request.models() != null) ? request.models() : List.<String>of()) {
			addFallback(available, model, fallback);
		}
		for (FallbackModel fallback : (request.fallbacks() != null) ? request.fallbacks() : List.<FallbackModel>of()) {
			addFallback(available, model, fallback.model());
		}
		return new OpenRouterMetadata(model, RoutingStrategy.DIRECT, "local",
				"available=" + available.size() + ", selected=" + provider, 1, false,
				new RoutingEndpoints(available.size(), available), null, null, null);
	}

	private static void addFallback(List<EndpointCandidate> available, String model, String fallback) {
		if (!fallback.isBlank() && !fallback.equals(model)) {
			available.add(new EndpointCandidate(providerFor(fallback), fallback, false));
		}
	}

	private record Segment(String text, int tokens, boolean cacheBreakpoint) {
	}

}
