package io.github.openrouter.spring.messages.conformance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.model.AdaptiveThinking;
import io.github.openrouter.spring.messages.model.CacheControl;
import io.github.openrouter.spring.messages.model.ClearThinkingEdit;
import io.github.openrouter.spring.messages.model.ClearToolUsesEdit;
import io.github.openrouter.spring.messages.model.CompactEdit;
import io.github.openrouter.spring.messages.model.ContextManagement;
import io.github.openrouter.spring.messages.model.DisabledThinking;
import io.github.openrouter.spring.messages.model.Effort;
import io.github.openrouter.spring.messages.model.EnabledThinking;
import io.github.openrouter.spring.messages.model.MessageContent;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.OutputConfig;
import io.github.openrouter.spring.messages.model.OutputFormat;
import io.github.openrouter.spring.messages.model.RequestMetadata;
import io.github.openrouter.spring.messages.model.ServiceTier;
import io.github.openrouter.spring.messages.model.Speed;
import io.github.openrouter.spring.messages.model.TaskBudget;
import io.github.openrouter.spring.messages.model.content.AdvisorToolResultBlock;
import io.github.openrouter.spring.messages.model.content.Base64Source;
import io.github.openrouter.spring.messages.model.content.CharLocationCitation;
import io.github.openrouter.spring.messages.model.content.CitationsConfig;
import io.github.openrouter.spring.messages.model.content.CompactionBlock;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.ContentBlockLocationCitation;
import io.github.openrouter.spring.messages.model.content.ContentSource;
import io.github.openrouter.spring.messages.model.content.DocumentBlock;
import io.github.openrouter.spring.messages.model.content.FileSource;
import io.github.openrouter.spring.messages.model.content.ImageBlock;
import io.github.openrouter.spring.messages.model.content.OpenRouterBashToolResultBlock;
import io.github.openrouter.spring.messages.model.content.OpenRouterShellToolResultBlock;
import io.github.openrouter.spring.messages.model.content.PageLocationCitation;
import io.github.openrouter.spring.messages.model.content.RedactedThinkingBlock;
import io.github.openrouter.spring.messages.model.content.SearchResultBlock;
import io.github.openrouter.spring.messages.model.content.SearchResultLocationCitation;
import io.github.openrouter.spring.messages.model.content.ServerToolUseBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.TextSource;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolAdditionBlock;
import io.github.openrouter.spring.messages.model.content.ToolReference;
import io.github.openrouter.spring.messages.model.content.ToolReferenceBlock;
import io.github.openrouter.spring.messages.model.content.ToolRemovalBlock;
import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.content.UrlSource;
import io.github.openrouter.spring.messages.model.content.WebSearchResultLocationCitation;
import io.github.openrouter.spring.messages.model.content.WebSearchToolResultBlock;
import io.github.openrouter.spring.messages.model.routing.AutoBetaRouterPlugin;
import io.github.openrouter.spring.messages.model.routing.AutoRouterPlugin;
import io.github.openrouter.spring.messages.model.routing.ContextCompressionPlugin;
import io.github.openrouter.spring.messages.model.routing.FileParserPlugin;
import io.github.openrouter.spring.messages.model.routing.FinishReasonIsCondition;
import io.github.openrouter.spring.messages.model.routing.FusionPlugin;
import io.github.openrouter.spring.messages.model.routing.FusionTool;
import io.github.openrouter.spring.messages.model.routing.HasToolCallCondition;
import io.github.openrouter.spring.messages.model.routing.MaxCostCondition;
import io.github.openrouter.spring.messages.model.routing.MaxPrice;
import io.github.openrouter.spring.messages.model.routing.MaxTokensUsedCondition;
import io.github.openrouter.spring.messages.model.routing.ModerationPlugin;
import io.github.openrouter.spring.messages.model.routing.ParetoRouterPlugin;
import io.github.openrouter.spring.messages.model.routing.PdfParserOptions;
import io.github.openrouter.spring.messages.model.routing.PerformancePreference;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.routing.ProviderSort;
import io.github.openrouter.spring.messages.model.routing.ResponseHealingPlugin;
import io.github.openrouter.spring.messages.model.routing.StepCountIsCondition;
import io.github.openrouter.spring.messages.model.routing.TraceConfig;
import io.github.openrouter.spring.messages.model.routing.WebFetchPlugin;
import io.github.openrouter.spring.messages.model.routing.WebPlugin;
import io.github.openrouter.spring.messages.model.tool.AdvisorTool;
import io.github.openrouter.spring.messages.model.tool.AnyToolChoice;
import io.github.openrouter.spring.messages.model.tool.AutoToolChoice;
import io.github.openrouter.spring.messages.model.tool.BashTool;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.NamedToolChoice;
import io.github.openrouter.spring.messages.model.tool.NoneToolChoice;
import io.github.openrouter.spring.messages.model.tool.OpenRouterServerTool;
import io.github.openrouter.spring.messages.model.tool.TextEditorTool;
import io.github.openrouter.spring.messages.model.tool.ToolSearchTool;
import io.github.openrouter.spring.messages.model.tool.UnknownTool;
import io.github.openrouter.spring.messages.model.tool.UserLocation;
import io.github.openrouter.spring.messages.model.tool.WebSearchTool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests built in Java with the model's builders and constructors that together use every
 * field of {@code MessagesRequest} and every variant of its unions; {@link RequestCoverage}
 * proves the "every".
 */
final class RequestCorpus {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final String MODEL = "anthropic/claude-sonnet-4";

	private RequestCorpus() {
	}

	/**
	 * Returns the corpus, keyed by a readable case name.
	 * @return the requests
	 */
	static Map<String, MessageRequest> all() {
		Map<String, MessageRequest> corpus = new LinkedHashMap<>();
		corpus.put("minimal", MessageRequest.builder().model(MODEL).maxTokens(1024).addUserMessage("Hello").build());
		corpus.put("top-level fields", topLevelFields());
		corpus.put("content blocks", contentBlocks());
		corpus.put("cached blocks: assistant", cachedAssistantBlocks());
		corpus.put("cached blocks: system and result", cachedSystemAndResultBlocks());
		corpus.put("tools", tools());
		corpus.put("more tools", moreTools());
		corpus.put("variants", variants());
		corpus.put("minimal choices", minimalChoices());
		return corpus;
	}

	private static MessageRequest topLevelFields() {
		return MessageRequest.builder()
			.model(MODEL)
			.models("anthropic/claude-sonnet-4", "openai/gpt-4o")
			.maxTokens(2048)
			.system(List.of(new TextBlock(TextBlock.TYPE, "You are terse.", CacheControl.ephemeral1h(), null)))
			.addUserMessage("Summarise the attached report.")
			.stream(false)
			.temperature(0.7)
			.topP(0.9)
			.topK(40)
			.addStopSequence("\n\nHuman:")
			.addStopSequence("END")
			.metadata(RequestMetadata.ofUser("user-1234"))
			.addTool(CustomTool.of("get_weather", "Current weather", json("""
					{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}""")))
			.toolChoice(new AutoToolChoice(AutoToolChoice.TYPE, true))
			.thinking(new EnabledThinking(EnabledThinking.TYPE, 1024, "summarized"))
			.outputConfig(new OutputConfig(Effort.HIGH, OutputFormat.jsonSchema(json("""
					{"type": "object", "properties": {"summary": {"type": "string"}}, "required": ["summary"]}""")),
					new TaskBudget("tokens", 20000, 15000)))
			.cacheControl(new CacheControl("ephemeral", "5m"))
			.contextManagement(ContextManagement.of(
					new ClearToolUsesEdit(ClearToolUsesEdit.TYPE, json("{\"type\": \"input_tokens\", \"value\": 100000}"),
							json("{\"type\": \"tool_uses\", \"value\": 3}"),
							json("{\"type\": \"input_tokens\", \"value\": 5000}"), json("[\"get_weather\"]"),
							List.of("web_search")),
					new ClearToolUsesEdit(ClearToolUsesEdit.TYPE, json("{\"type\": \"tool_uses\", \"value\": 10}"), null,
							null, json("true"), null),
					new ClearThinkingEdit(ClearThinkingEdit.TYPE, json("{\"type\": \"thinking_turns\", \"value\": 2}")),
					new ClearThinkingEdit(ClearThinkingEdit.TYPE, json("\"all\"")),
					new ClearThinkingEdit(ClearThinkingEdit.TYPE, json("{\"type\": \"all\"}")),
					new CompactEdit(CompactEdit.TYPE, json("{\"type\": \"input_tokens\", \"value\": 150000}"),
							"Keep decisions.", true)))
			.serviceTier(ServiceTier.PRIORITY)
			.speed(Speed.FAST)
			.provider(ProviderPreferences.builder()
				.order(List.of("anthropic", "amazon-bedrock"))
				.allowFallbacks(false)
				.requireParameters(true)
				.dataCollection("deny")
				.zdr(true)
				.enforceDistillableText(false)
				.only(List.of("anthropic", "google-vertex"))
				.ignore(List.of("deepinfra/turbo"))
				.quantizations(List.of("fp8", "bf16"))
				.sort(ProviderSort.by("throughput"))
				.preferredMaxLatency(PerformancePreference.of(2.5))
				.preferredMinThroughput(PerformancePreference.of(50))
				.maxPrice(new MaxPrice("3", "15", "0.01", "0.02", "0.001"))
				.build())
			.addPlugin(new AutoRouterPlugin(AutoRouterPlugin.TYPE, true, List.of("anthropic/*"),
					List.of("anthropic/claude-3*"), "medium", 5, true))
			.addPlugin(new AutoBetaRouterPlugin(AutoBetaRouterPlugin.TYPE, true, List.of("openai/*"),
					List.of("openai/gpt-3.5*"), "low", 3))
			.addPlugin(ModerationPlugin.of())
			.addPlugin(new WebPlugin(WebPlugin.TYPE, true, "exa", 5, 2, "Sources:", List.of("example.com"),
					List.of("example.org"), "fast",
					new UserLocation("approximate", "Berlin", "BE", "DE", "Europe/Berlin")))
			.addPlugin(new WebFetchPlugin(WebFetchPlugin.TYPE, 3, 10000, List.of("docs.example.com"),
					List.of("ads.example.com")))
			.addPlugin(new FileParserPlugin(FileParserPlugin.TYPE, true, new PdfParserOptions("mistral-ocr")))
			.addPlugin(new ResponseHealingPlugin(ResponseHealingPlugin.TYPE, true))
			.addPlugin(new ContextCompressionPlugin(ContextCompressionPlugin.TYPE, true, "middle-out"))
			.addPlugin(new ParetoRouterPlugin(ParetoRouterPlugin.TYPE, true, new BigDecimal("0.8"), new BigDecimal("5.0"),
					"weighted_avg"))
			.addPlugin(new FusionPlugin(FusionPlugin.TYPE, true, List.of("openai/gpt-4o", "google/gemini-2.5-pro"), MODEL,
					4, "general-high", List.of(new FusionTool("openrouter:web_search", json("{\"max_results\": 3}")))))
			.route("fallback")
			.sessionId("session-42")
			.user("end-user-7")
			.trace(new TraceConfig("trace-1", "checkout", "summarise", "gen-1", "span-0", Map.of("environment", "staging")))
			.addStopServerToolsWhen(new StepCountIsCondition(StepCountIsCondition.TYPE, 5))
			.addStopServerToolsWhen(new HasToolCallCondition(HasToolCallCondition.TYPE, "get_weather"))
			.addStopServerToolsWhen(new MaxTokensUsedCondition(MaxTokensUsedCondition.TYPE, 50000))
			.addStopServerToolsWhen(new MaxCostCondition(MaxCostCondition.TYPE, new BigDecimal("0.25")))
			.addStopServerToolsWhen(new FinishReasonIsCondition(FinishReasonIsCondition.TYPE, "stop"))
			.build();
	}

	private static MessageRequest contentBlocks() {
		CacheControl ephemeral = CacheControl.ephemeral();
		return MessageRequest.builder()
			.model(MODEL)
			.maxTokens(1024)
			.addMessage(MessageParam.system(
					new ToolAdditionBlock(ToolAdditionBlock.TYPE, new ToolReference("tool_reference", "get_weather", null),
							null),
					new ToolAdditionBlock(ToolAdditionBlock.TYPE, new ToolReference("mcp_tool_reference", "search", "docs"),
							null),
					new ToolAdditionBlock(ToolAdditionBlock.TYPE, new ToolReference("mcp_toolset_reference", null, "docs"),
							null),
					new ToolRemovalBlock(ToolRemovalBlock.TYPE, new ToolReference("mcp_toolset_reference", null, "legacy"),
							null),
					new ToolRemovalBlock(ToolRemovalBlock.TYPE, new ToolReference("tool_reference", "old_tool", null), null),
					new ToolRemovalBlock(ToolRemovalBlock.TYPE, new ToolReference("mcp_tool_reference", "lookup", "legacy"),
							null)))
			.addUserMessage(new TextBlock(TextBlock.TYPE, "Compare these.", CacheControl.ephemeral1h(), null),
					new ImageBlock(ImageBlock.TYPE, new Base64Source("base64", "image/png", "iVBORw0KGgo="), ephemeral),
					ImageBlock.url("https://example.com/cat.jpg"),
					new DocumentBlock(DocumentBlock.TYPE, new Base64Source("base64", "application/pdf", "JVBERi0xLjQ="),
							ephemeral, new CitationsConfig(true), "Q3 numbers", "Report"),
					DocumentBlock.of(new TextSource("text", "text/plain", "Plain text body.")),
					DocumentBlock.of(ContentSource.of(MessageContent.of("Inline content."))),
					DocumentBlock.of(ContentSource.of(MessageContent.of(TextBlock.of("chunk"),
							ImageBlock.url("https://example.com/fig.png")))),
					DocumentBlock.of(UrlSource.of("https://example.com/report.pdf")),
					DocumentBlock.of(FileSource.of("or_file_123")),
					new SearchResultBlock(SearchResultBlock.TYPE, "https://example.com/kb/1", "KB 1",
							List.of(TextBlock.of("Fact.")), new CitationsConfig(true), ephemeral))
			.addAssistantMessage(List.of(new ThinkingBlock(ThinkingBlock.TYPE, "Let me check.", "sig-abc"),
					new RedactedThinkingBlock(RedactedThinkingBlock.TYPE, "ZW5jcnlwdGVk"),
					new TextBlock(TextBlock.TYPE, "Per the report, revenue grew.", null, List.of(
							new CharLocationCitation(CharLocationCitation.TYPE, "revenue grew", 0, "Report", null, 0, 12),
							new PageLocationCitation(PageLocationCitation.TYPE, "revenue grew", 0, "Report", null, 1, 2),
							new ContentBlockLocationCitation(ContentBlockLocationCitation.TYPE, "chunk", 3, "Inline", null, 0,
									1),
							new WebSearchResultLocationCitation(WebSearchResultLocationCitation.TYPE, "news", "ZW5j", "News",
									"https://example.com/news"),
							new SearchResultLocationCitation(SearchResultLocationCitation.TYPE, "Fact.", 0,
									"https://example.com/kb/1", "KB 1", 0, 1))),
					new ToolUseBlock(ToolUseBlock.TYPE, "toolu_1", "get_weather", json("{\"city\": \"Paris\"}"), null,
							null),
					new ServerToolUseBlock(ServerToolUseBlock.TYPE, "srvtoolu_1", "web_search",
							json("{\"query\": \"weather Paris\"}"), null, null),
					new WebSearchToolResultBlock(WebSearchToolResultBlock.TYPE, "srvtoolu_1", json("""
							[{"type": "web_search_result", "encrypted_content": "ZW5j", "title": "Paris weather",
							  "url": "https://example.com/paris", "page_age": "1 day"}]"""), null, null),
					new ServerToolUseBlock(ServerToolUseBlock.TYPE, "srvtoolu_2", "web_search", json("{\"query\": \"x\"}"),
							null, null),
					new WebSearchToolResultBlock(WebSearchToolResultBlock.TYPE, "srvtoolu_2", json("""
							{"type": "web_search_tool_result_error", "error_code": "max_uses_exceeded"}"""), null, null),
					new CompactionBlock(CompactionBlock.TYPE, "Summary of earlier turns.", "ZW5jcnlwdGVk", null),
					new AdvisorToolResultBlock(AdvisorToolResultBlock.TYPE, "srvtoolu_3",
							json("{\"type\": \"advisor_result\", \"text\": \"Looks right.\"}"), null),
					new OpenRouterShellToolResultBlock(OpenRouterShellToolResultBlock.TYPE, "srvtoolu_4",
							json("{\"stdout\": \"ok\", \"exit_code\": 0}")),
					new OpenRouterBashToolResultBlock(OpenRouterBashToolResultBlock.TYPE, "srvtoolu_5",
							json("{\"stdout\": \"ok\", \"exit_code\": 0}"))))
			.addUserMessage(
					new ToolResultBlock(ToolResultBlock.TYPE, "toolu_1", MessageContent.of("18 degrees"), false, null),
					new ToolResultBlock(ToolResultBlock.TYPE, "toolu_2", MessageContent.of(List.<ContentBlock>of(
							TextBlock.of("partial"), ImageBlock.base64("image/jpeg", "/9j/4AAQ"),
							ToolReferenceBlock.of("get_weather"),
							new SearchResultBlock(SearchResultBlock.TYPE, "https://example.com/kb/2", "KB 2",
									List.of(TextBlock.of("More.")), null, null),
							DocumentBlock.plainText("log output"))), true, null))
			.build();
	}

	private static MessageRequest tools() {
		CacheControl ephemeral = CacheControl.ephemeral();
		UserLocation paris = new UserLocation("approximate", "Paris", "IDF", "FR", "Europe/Paris");
		return MessageRequest.builder()
			.model(MODEL)
			.maxTokens(1024)
			.system("Use the tools.")
			.addUserMessage("What is the weather in Paris?")
			.addTool(new CustomTool("custom", "get_weather", "Weather by city", json("""
					{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}"""), ephemeral,
					true, null))
			.addTool(new BashTool("bash_20250124", "bash", ephemeral))
			.addTool(new TextEditorTool("text_editor_20250124", "str_replace_editor", ephemeral))
			.addTool(new WebSearchTool(WebSearchTool.TYPE_20250305, "web_search", List.of("example.com"),
					List.of("example.org"), 3, paris, null, ephemeral))
			.addTool(new ToolSearchTool("tool_search_tool_bm25_20251119", "tool_search_tool_bm25", true, false,
					List.of("direct"), null))
			.addTool(new ToolSearchTool("tool_search_tool_regex_20251119", "tool_search_tool_regex", false, true,
					List.of("code_execution_20250825"), null))
			.addTool(OpenRouterServerTool.of("openrouter:bash", json("{}")))
			.addTool(OpenRouterServerTool.of("openrouter:datetime", json("{\"timezone\": \"Europe/Paris\"}")))
			.addTool(OpenRouterServerTool.of("openrouter:image_generation",
					json("{\"model\": \"google/gemini-2.5-flash-image\", \"size\": \"1024x1024\"}")))
			.addTool(OpenRouterServerTool.of("openrouter:experimental__search_models", json("{\"max_results\": 5}")))
			.addTool(OpenRouterServerTool.of("openrouter:web_fetch",
					json("{\"max_uses\": 2, \"max_content_tokens\": 4000, \"allowed_domains\": [\"example.com\"]}")))
			.addTool(OpenRouterServerTool.of("openrouter:web_search",
					json("{\"max_results\": 5, \"max_uses\": 2, \"allowed_domains\": [\"example.com\"]}")))
			.addTool(OpenRouterServerTool.of("openrouter:shell", json("{}")))
			.addTool(OpenRouterServerTool.of("openrouter:tool_search", json("{\"max_results\": 3}")))
			.addTool(new UnknownTool(json("""
					{"type": "memory_20250818", "name": "memory", "some_future_option": {"nested": [1, 2]}}""")))
			.toolChoice(new NamedToolChoice(NamedToolChoice.TYPE, "get_weather", false))
			.build();
	}

	private static MessageRequest cachedAssistantBlocks() {
		return MessageRequest.builder()
			.model(MODEL)
			.maxTokens(1024)
			.addUserMessage("Weather in Paris?")
			.addAssistantMessage(List.of(
					new ToolUseBlock(ToolUseBlock.TYPE, "toolu_1", "get_weather", json("{\"city\": \"Paris\"}"),
							CacheControl.ephemeral(), null),
					new ServerToolUseBlock(ServerToolUseBlock.TYPE, "srvtoolu_1", "web_search",
							json("{\"query\": \"weather Paris\"}"), CacheControl.ephemeral(), null),
					new WebSearchToolResultBlock(WebSearchToolResultBlock.TYPE, "srvtoolu_1", json("""
							[{"type": "web_search_result", "encrypted_content": "ZW5j", "title": "Paris weather",
							  "url": "https://example.com/paris", "page_age": null}]"""), null, CacheControl.ephemeral1h()),
					new CompactionBlock(CompactionBlock.TYPE, null, "ZW5jcnlwdGVk", CacheControl.ephemeral())))
			.build();
	}

	private static MessageRequest cachedSystemAndResultBlocks() {
		return MessageRequest.builder()
			.model(MODEL)
			.maxTokens(1024)
			.addMessage(MessageParam.system(
					new ToolAdditionBlock(ToolAdditionBlock.TYPE, new ToolReference("tool_reference", "get_weather", null),
							CacheControl.ephemeral()),
					new ToolRemovalBlock(ToolRemovalBlock.TYPE, new ToolReference("mcp_toolset_reference", null, "legacy"),
							new CacheControl("ephemeral", "5m"))))
			.addUserMessage("Weather in Paris?")
			.addAssistantMessage(List.of(ToolUseBlock.of("toolu_1", "get_weather", json("{\"city\": \"Paris\"}"))))
			.addUserMessage(new ToolResultBlock(ToolResultBlock.TYPE, "toolu_1", MessageContent.of("18 degrees"), null,
					CacheControl.ephemeral()))
			.build();
	}

	private static MessageRequest moreTools() {
		CacheControl ephemeral = CacheControl.ephemeral();
		return MessageRequest.builder()
			.model(MODEL)
			.maxTokens(1024)
			.addUserMessage("Search, then ask the advisor.")
			.addTool(new WebSearchTool(WebSearchTool.TYPE_20260209, "web_search", List.of("example.com"),
					List.of("example.org"), 2, new UserLocation("approximate", null, null, "FR", null),
					List.of("direct", "code_execution_20260120"), ephemeral))
			.addTool(new AdvisorTool("advisor_20260301", "advisor", "anthropic/claude-opus-4", 1,
					new CacheControl("ephemeral", "5m"), List.of("direct"), false, ephemeral))
			.addTool(new ToolSearchTool("tool_search_tool_bm25", "tool_search_tool_bm25", null, null, null, ephemeral))
			.addTool(new ToolSearchTool("tool_search_tool_regex", "tool_search_tool_regex", null, null, null, ephemeral))
			.build();
	}

	private static MessageRequest variants() {
		return MessageRequest.builder()
			.model(MODEL)
			.addFallback("anthropic/claude-opus-4")
			.addFallback("openai/gpt-4o")
			.system("Be brief.")
			.addUserMessage("Hi")
			.addAssistantMessage("Hello.")
			.addUserMessage(TextBlock.of("Again"))
			.addTool(CustomTool.of("lookup", null, json("{\"type\": \"object\"}")))
			.toolChoice(new AnyToolChoice(AnyToolChoice.TYPE, true))
			.thinking(new AdaptiveThinking(AdaptiveThinking.TYPE, "omitted"))
			.outputConfig(OutputConfig.effort(Effort.MAX))
			.provider(ProviderPreferences.builder()
				.sort(ProviderSort.of("latency", "none"))
				.preferredMaxLatency(PerformancePreference.percentiles(1.0, 2.0, 3.0, 5.0))
				.preferredMinThroughput(PerformancePreference.percentiles(100, 80, 50, 20))
				.build())
			.route("sort")
			.speed(Speed.STANDARD)
			.serviceTier(ServiceTier.FLEX)
			.build();
	}

	private static MessageRequest minimalChoices() {
		return MessageRequest.builder()
			.model(MODEL)
			.addUserMessage("Hi")
			.toolChoice(new NoneToolChoice(NoneToolChoice.TYPE))
			.thinking(new DisabledThinking(DisabledThinking.TYPE))
			.stream(true)
			.build();
	}

	private static JsonNode json(String text) {
		return mapper.readTree(text);
	}

}
