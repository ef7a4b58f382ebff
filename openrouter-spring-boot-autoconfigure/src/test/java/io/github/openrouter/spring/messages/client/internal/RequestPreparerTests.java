package io.github.openrouter.spring.messages.client.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.model.CacheControl;
import io.github.openrouter.spring.messages.model.EnabledThinking;
import io.github.openrouter.spring.messages.model.MessageContent;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.OutputConfig;
import io.github.openrouter.spring.messages.model.Role;
import io.github.openrouter.spring.messages.model.TaskBudget;
import io.github.openrouter.spring.messages.model.UnknownThinkingConfig;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.UnknownContentBlock;
import io.github.openrouter.spring.messages.model.routing.FallbackModel;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.tool.BashTool;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.NamedToolChoice;
import io.github.openrouter.spring.messages.model.tool.Tool;
import io.github.openrouter.spring.messages.model.tool.UnknownTool;
import io.github.openrouter.spring.messages.model.tool.UnknownToolChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RequestPreparer}: every case is accepted or refused as written down here, with
 * the field, limit and message the client has always given (the table was taken from the JSON-tree
 * rules the client used before it validated the typed request), and the headers are the ones listed.
 */
class RequestPreparerTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final ClientSettings PLAIN = settings((builder) -> {
	});

	private static final ClientSettings WITH_DEFAULTS = settings((builder) -> builder.defaultModel("default/model")
		.fallbackModels(List.of("x/one", "x/two"))
		.providerPreferences(ProviderPreferences.builder().order(List.of("anthropic")).build())
		.appReferer("https://example.com")
		.appTitle("Example")
		.appCategories(List.of("cli", "agent"))
		.routingMetadata(true)
		.defaultHeader("X-Custom", "one"));

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		RequestValidatorTests.invalidRequests()
			.forEach((invalid) -> cases.add(Arguments.of(invalid.name, invalid.request, invalid.options)));
		typedCases().forEach((name, request) -> cases.add(Arguments.of(name, request, RequestOptions.none())));
		return cases.stream();
	}

	private static Map<String, MessageRequest> typedCases() {
		Map<String, MessageRequest> cases = new TreeMap<>();
		cases.put("valid minimal", base().build());
		cases.put("valid with blocks and extra body",
				base().addUserMessage(TextBlock.of("a"), cachedText("b")).putExtraBody("future", Map.of("k", 1)).build());
		cases.put("blank role", base().addMessage(new MessageParam(Role.of(" "), MessageContent.of("x"))).build());
		cases.put("empty text content", base().addMessage(new MessageParam(Role.USER, MessageContent.of(""))).build());
		cases.put("blank text content", base().addMessage(new MessageParam(Role.USER, MessageContent.of(" "))).build());
		cases.put("no blocks", base().addMessage(new MessageParam(Role.USER, MessageContent.of(List.of()))).build());
		cases.put("unknown block without type", base().addUserMessage(unknownBlock("{\"text\":\"x\"}")).build());
		cases.put("unknown block with blank type", base().addUserMessage(unknownBlock("{\"type\":\" \"}")).build());
		cases.put("unknown block with numeric type", base().addUserMessage(unknownBlock("{\"type\":5}")).build());
		cases.put("unknown block not an object", base().addUserMessage(unknownBlock("\"text\"")).build());
		cases.put("unknown block null", base().addUserMessage(new UnknownContentBlock(NullNode.getInstance())).build());
		cases.put("valid unknown block", base().addUserMessage(unknownBlock("{\"type\":\"future\"}")).build());
		cases.put("five breakpoints with unknown blocks",
				base().addUserMessage(cachedText("a"), cachedUnknown(), cachedUnknown(), cachedUnknown(), cachedUnknown())
					.build());
		cases.put("four breakpoints and a null cache_control",
				base().addUserMessage(cachedText("a"), cachedUnknown(), cachedUnknown(), cachedUnknown(),
						unknownBlock("{\"type\":\"future\",\"cache_control\":null}"))
					.build());
		cases.put("five breakpoints over system, tools and messages",
				base().system(List.of(cachedText("s"))).addTool(cachedTool("t1")).addTool(cachedTool("t2"))
					.addUserMessage(cachedText("a"), cachedText("b"))
					.build());
		cases.put("four breakpoints over system, tools and messages",
				base().system(List.of(cachedText("s"))).addTool(cachedTool("t1"))
					.addUserMessage(cachedText("a"), cachedText("b"))
					.build());
		cases.put("custom tool with null schema",
				base().addTool(CustomTool.of("a", null, NullNode.getInstance())).build());
		cases.put("unknown tool without schema", base().addTool(unknownTool("{\"name\":\"a\"}")).build());
		cases.put("unknown custom tool without name",
				base().addTool(unknownTool("{\"type\":\"custom\",\"input_schema\":{}}")).build());
		cases.put("unknown server tool", base().addTool(unknownTool("{\"type\":\"future_tool\"}")).build());
		cases.put("unknown tool null", base().addTool(new UnknownTool(NullNode.getInstance())).build());
		cases.put("bash tool typed custom", base().addTool(new BashTool("custom", "b", null)).build());
		cases.put("duplicate names across tool kinds",
				base().addTool(CustomTool.of("bash", null, json("{}"))).addTool(BashTool.of()).build());
		cases.put("named choice with empty name",
				base().addTool(CustomTool.of("a", null, json("{}"))).toolChoice(new NamedToolChoice("tool", "", null))
					.build());
		cases.put("named choice with known name",
				base().addTool(CustomTool.of("a", null, json("{}"))).toolChoice(new NamedToolChoice("tool", "a", null))
					.build());
		cases.put("unknown choice typed tool without name",
				base().toolChoice(new UnknownToolChoice(json("{\"type\":\"tool\"}"))).build());
		cases.put("unknown choice typed tool with unknown name",
				base().addTool(CustomTool.of("a", null, json("{}")))
					.toolChoice(new UnknownToolChoice(json("{\"type\":\"tool\",\"name\":\"b\"}")))
					.build());
		cases.put("enabled thinking below budget", base().thinking(new EnabledThinking("enabled", 1000, null)).build());
		cases.put("enabled thinking not below max_tokens",
				base().maxTokens(2000).thinking(new EnabledThinking("enabled", 2000, null)).build());
		cases.put("valid thinking", base().maxTokens(4096).thinking(new EnabledThinking("enabled", 2048, null)).build());
		cases.put("unknown thinking enabled without budget",
				base().thinking(new UnknownThinkingConfig(json("{\"type\":\"enabled\"}"))).build());
		cases.put("unknown thinking enabled with string budget",
				base().thinking(new UnknownThinkingConfig(json("{\"type\":\"enabled\",\"budget_tokens\":\"2000\"}")))
					.build());
		cases.put("unknown thinking enabled with fractional budget",
				base().thinking(new UnknownThinkingConfig(json("{\"type\":\"enabled\",\"budget_tokens\":2000.5}")))
					.build());
		cases.put("unknown thinking enabled above max_tokens",
				base().maxTokens(3000)
					.thinking(new UnknownThinkingConfig(json("{\"type\":\"enabled\",\"budget_tokens\":5000}")))
					.build());
		cases.put("unknown thinking null", base().thinking(new UnknownThinkingConfig(NullNode.getInstance())).build());
		cases.put("task budget remaining negative",
				base().outputConfig(new OutputConfig(null, null, new TaskBudget("tokens", 30000, -1))).build());
		cases.put("task budget without total",
				base().outputConfig(new OutputConfig(null, null, new TaskBudget("tokens", null, null))).build());
		cases.put("empty fallbacks", base().fallbacks(List.of()).build());
		cases.put("empty models and fallbacks", base().models(List.of()).fallbacks(List.of(new FallbackModel("a"))).build());
		cases.put("empty fallback model", base().fallbacks(List.of(new FallbackModel("a"), new FallbackModel(""))).build());
		cases.put("valid fallbacks", base().addFallback("a").addFallback("b").addFallback("c").build());
		cases.put("NaN top_p", base().topP(Double.NaN).build());
		cases.put("infinite top_p", base().topP(Double.NEGATIVE_INFINITY).build());
		cases.put("huge temperature", base().temperature(1e300).build());
		cases.put("negative zero temperature", base().temperature(-0.0).build());
		cases.put("no model", MessageRequest.builder().addUserMessage("Hi").build());
		cases.put("stream set on the request", base().stream(true).build());
		return cases;
	}

	/** The cases a client with a default model accepts although they carry no model. */
	private static final Set<String> ACCEPTED_WITH_A_DEFAULT_MODEL = Set.of("no model and no default model", "no model");

	/**
	 * What each case gives, by name: the refusal, or {@code null} when the request is sent. The same
	 * with and without client defaults (but {@link #ACCEPTED_WITH_A_DEFAULT_MODEL}), for create and
	 * stream.
	 * @return the expectations
	 */
	private static Map<String, Refusal> expectations() {
		Map<String, Refusal> expected = new HashMap<>();
		expected.put("no model and no default model", new Refusal("model", "required",
				"model is required: set it on the request or configure a default model on the client"));
		expected.put("blank model", new Refusal("model", "a non-empty string",
				"model must be a non-empty string"));
		expected.put("no messages", new Refusal("messages", "at least 1 message",
				"messages must contain at least 1 message but was empty"));
		expected.put("empty messages", new Refusal("messages", "at least 1 message",
				"messages must contain at least 1 message but was empty"));
		expected.put("empty string content", new Refusal("messages[2].content", "not empty",
				"messages[2].content must not be an empty string (limit: not empty)"));
		expected.put("empty block content", new Refusal("messages[0].content", "at least 1 content block",
				"messages[0].content must contain at least 1 content block but was empty"));
		expected.put("zero max_tokens", new Refusal("max_tokens", ">= 1",
				"max_tokens must be a positive integer (>= 1) but was 0"));
		expected.put("negative max_tokens", new Refusal("max_tokens", ">= 1",
				"max_tokens must be a positive integer (>= 1) but was -5"));
		expected.put("negative temperature", new Refusal("temperature", ">= 0",
				"temperature must be a finite number >= 0 but was -0.1"));
		expected.put("NaN temperature", new Refusal("temperature", ">= 0",
				"temperature must be a finite number >= 0 but was \"NaN\""));
		expected.put("infinite temperature", new Refusal("temperature", ">= 0",
				"temperature must be a finite number >= 0 but was \"Infinity\""));
		expected.put("top_p above 1", new Refusal("top_p", "between 0 and 1",
				"top_p must be between 0 and 1 but was 1.5"));
		expected.put("negative top_p", new Refusal("top_p", "between 0 and 1",
				"top_p must be between 0 and 1 but was -0.5"));
		expected.put("negative top_k", new Refusal("top_k", ">= 0",
				"top_k must be an integer >= 0 but was -1"));
		expected.put("empty stop sequence", new Refusal("stop_sequences[1]", "a non-empty string",
				"stop_sequences[1] must be a non-empty string"));
		expected.put("thinking budget below 1024", new Refusal("thinking.budget_tokens", ">= 1024",
				"thinking.budget_tokens must be >= 1024 but was 1023"));
		expected.put("thinking budget not below max_tokens", new Refusal("thinking.budget_tokens", "< max_tokens (2048)",
				"thinking.budget_tokens must be less than max_tokens (2048) but was 2048 (limit: < max_tokens (2048))"));
		expected.put("four fallbacks", new Refusal("fallbacks", "at most 3 entries",
				"fallbacks has 4 entries; the limit is at most 3 (limit: at most 3 entries)"));
		expected.put("fallbacks with models", new Refusal("fallbacks", "not together with models",
				"fallbacks cannot be combined with models: send one or the other (limit: not together with models)"));
		expected.put("fallback without model", new Refusal("fallbacks[0].model", "required",
				"fallbacks[0].model is required"));
		expected.put("session_id over 256", new Refusal("session_id", "at most 256 characters",
				"session_id has 257 characters; the limit is at most 256 characters"));
		expected.put("user over 256", new Refusal("user", "at most 256 characters",
				"user has 257 characters; the limit is at most 256 characters"));
		expected.put("x-session-id option over 256", new Refusal("x-session-id", "at most 256 characters",
				"the x-session-id option has 257 characters; the limit is at most 256 characters"));
		expected.put("empty stop_server_tools_when", new Refusal("stop_server_tools_when", "at least 1 condition",
				"stop_server_tools_when must contain at least 1 condition but was empty"));
		expected.put("duplicate tool names", new Refusal("tools[1].name", "unique among tools",
				"tools[1].name 'a' is not unique: tool names must be unique among tools"));
		expected.put("custom tool without input_schema", new Refusal("tools[0].input_schema", "required for custom tools",
				"tools[0].input_schema is required for a custom tool (limit: required for custom tools)"));
		expected.put("tool_choice names unknown tool", new Refusal("tool_choice.name", "one of the names in tools",
				"tool_choice.name 'b' must be one of the names in tools [a]"));
		expected.put("tool_choice tool without tools", new Refusal("tool_choice.name", "one of the names in tools",
				"tool_choice.name 'a' must be one of the names in tools []"));
		expected.put("task budget below 20000", new Refusal("output_config.task_budget.total", ">= 20000",
				"output_config.task_budget.total must be >= 20000 but was 1000"));
		expected.put("five cache breakpoints", new Refusal("cache_control", "at most 4 block-level breakpoints",
				"the request has 5 block-level cache_control breakpoints; the limit is at most 4 (limit: at most 4 block-level breakpoints)"));
		expected.put("Authorization header per call", new Refusal("headers.Authorization", "set only from the client's API key",
				"headers.Authorization cannot be set per call: it is set only from the client's API key"));
		expected.put("non-positive timeout option", new Refusal("timeout", "positive",
				"the timeout option must be positive but was PT0S"));
		expected.put("NaN top_p", new Refusal("top_p", "between 0 and 1",
				"top_p must be between 0 and 1 but was \"NaN\""));
		expected.put("bash tool typed custom", new Refusal("tools[0].input_schema", "required for custom tools",
				"tools[0].input_schema is required for a custom tool (limit: required for custom tools)"));
		expected.put("blank role", new Refusal("messages[1].role", "required",
				"messages[1].role is required (user, assistant or system)"));
		expected.put("blank text content", null);
		expected.put("custom tool with null schema", new Refusal("tools[0].input_schema", "required for custom tools",
				"tools[0].input_schema is required for a custom tool (limit: required for custom tools)"));
		expected.put("duplicate names across tool kinds", new Refusal("tools[1].name", "unique among tools",
				"tools[1].name 'bash' is not unique: tool names must be unique among tools"));
		expected.put("empty fallback model", new Refusal("fallbacks[1].model", "required",
				"fallbacks[1].model is required"));
		expected.put("empty fallbacks", null);
		expected.put("empty models and fallbacks", new Refusal("fallbacks", "not together with models",
				"fallbacks cannot be combined with models: send one or the other (limit: not together with models)"));
		expected.put("empty text content", new Refusal("messages[1].content", "not empty",
				"messages[1].content must not be an empty string (limit: not empty)"));
		expected.put("enabled thinking below budget", new Refusal("thinking.budget_tokens", ">= 1024",
				"thinking.budget_tokens must be >= 1024 but was 1000"));
		expected.put("enabled thinking not below max_tokens", new Refusal("thinking.budget_tokens", "< max_tokens (2000)",
				"thinking.budget_tokens must be less than max_tokens (2000) but was 2000 (limit: < max_tokens (2000))"));
		expected.put("five breakpoints over system, tools and messages", new Refusal("cache_control", "at most 4 block-level breakpoints",
				"the request has 5 block-level cache_control breakpoints; the limit is at most 4 (limit: at most 4 block-level breakpoints)"));
		expected.put("five breakpoints with unknown blocks", new Refusal("cache_control", "at most 4 block-level breakpoints",
				"the request has 5 block-level cache_control breakpoints; the limit is at most 4 (limit: at most 4 block-level breakpoints)"));
		expected.put("four breakpoints and a null cache_control", null);
		expected.put("four breakpoints over system, tools and messages", null);
		expected.put("huge temperature", null);
		expected.put("infinite top_p", new Refusal("top_p", "between 0 and 1",
				"top_p must be between 0 and 1 but was \"-Infinity\""));
		expected.put("named choice with empty name", new Refusal("tool_choice.name", "required when type is tool",
				"tool_choice.name is required when tool_choice.type is tool (limit: required when type is tool)"));
		expected.put("named choice with known name", null);
		expected.put("negative zero temperature", null);
		expected.put("no blocks", new Refusal("messages[1].content", "at least 1 content block",
				"messages[1].content must contain at least 1 content block but was empty"));
		expected.put("no model", new Refusal("model", "required",
				"model is required: set it on the request or configure a default model on the client"));
		expected.put("stream set on the request", null);
		expected.put("task budget remaining negative", new Refusal("output_config.task_budget.remaining", ">= 0",
				"output_config.task_budget.remaining must be >= 0 but was -1"));
		expected.put("task budget without total", null);
		expected.put("unknown block not an object", new Refusal("messages[1].content[0].type", "required",
				"messages[1].content[0].type is required"));
		expected.put("unknown block null", new Refusal("messages[1].content[0].type", "required",
				"messages[1].content[0].type is required"));
		expected.put("unknown block with blank type", new Refusal("messages[1].content[0].type", "required",
				"messages[1].content[0].type is required"));
		expected.put("unknown block with numeric type", new Refusal("messages[1].content[0].type", "required",
				"messages[1].content[0].type is required"));
		expected.put("unknown block without type", new Refusal("messages[1].content[0].type", "required",
				"messages[1].content[0].type is required"));
		expected.put("unknown choice typed tool with unknown name", new Refusal("tool_choice.name", "one of the names in tools",
				"tool_choice.name 'b' must be one of the names in tools [a]"));
		expected.put("unknown choice typed tool without name", new Refusal("tool_choice.name", "required when type is tool",
				"tool_choice.name is required when tool_choice.type is tool (limit: required when type is tool)"));
		expected.put("unknown custom tool without name", new Refusal("tools[0].name", "required for custom tools",
				"tools[0].name is required for a custom tool (limit: required for custom tools)"));
		expected.put("unknown server tool", null);
		expected.put("unknown thinking enabled above max_tokens", new Refusal("thinking.budget_tokens", "< max_tokens (3000)",
				"thinking.budget_tokens must be less than max_tokens (3000) but was 5000 (limit: < max_tokens (3000))"));
		expected.put("unknown thinking enabled with fractional budget", new Refusal("thinking.budget_tokens", "required when thinking is enabled",
				"thinking.budget_tokens is required when thinking.type is enabled (limit: required when thinking is enabled)"));
		expected.put("unknown thinking enabled with string budget", new Refusal("thinking.budget_tokens", "required when thinking is enabled",
				"thinking.budget_tokens is required when thinking.type is enabled (limit: required when thinking is enabled)"));
		expected.put("unknown thinking enabled without budget", new Refusal("thinking.budget_tokens", "required when thinking is enabled",
				"thinking.budget_tokens is required when thinking.type is enabled (limit: required when thinking is enabled)"));
		expected.put("unknown thinking null", null);
		expected.put("unknown tool null", new Refusal("tools[0].name", "required for custom tools",
				"tools[0].name is required for a custom tool (limit: required for custom tools)"));
		expected.put("unknown tool without schema", new Refusal("tools[0].input_schema", "required for custom tools",
				"tools[0].input_schema is required for a custom tool (limit: required for custom tools)"));
		expected.put("valid fallbacks", null);
		expected.put("valid minimal", null);
		expected.put("valid thinking", null);
		expected.put("valid unknown block", null);
		expected.put("valid with blocks and extra body", null);
		expected.put("empty role in JSON", new Refusal("messages[1].role", "required",
				"messages[1].role is required (user, assistant or system)"));
		expected.put("block without type in JSON", new Refusal("messages[0].content[0].type", "required",
				"messages[0].content[0].type is required"));
		return expected;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAcceptOrRefuseAsExpected(String name, MessageRequest request, RequestOptions options) {
		Map<String, Refusal> expectations = expectations();
		assertThat(expectations).as("expectation for %s", name).containsKey(name);
		for (ClientSettings settings : List.of(PLAIN, WITH_DEFAULTS)) {
			Refusal expected = (settings == WITH_DEFAULTS && ACCEPTED_WITH_A_DEFAULT_MODEL.contains(name)) ? null
					: expectations.get(name);
			for (boolean streaming : List.of(false, true)) {
				RequestValidationException actual = failure(
						() -> new RequestPreparer(settings, MAPPER).prepare(request, options, streaming));
				if (expected == null) {
					assertThat(actual).isNull();
				}
				else {
					assertThat(actual).isNotNull();
					assertThat(actual.field()).isEqualTo(expected.field());
					assertThat(actual.limit()).isEqualTo(expected.limit());
					assertThat(actual.getMessage()).isEqualTo(expected.message());
				}
			}
		}
	}

	@Test
	void shouldRefuseABadDefaultOrAppHeaderWhenTheClientIsBuilt() {
		Map<String, Consumer<MessagesClientBuilder>> cases = new TreeMap<>();
		cases.put("X-Trace", (builder) -> builder.defaultHeader("X-Trace", "a\r\nX-Injected: 1"));
		cases.put("Bad Name", (builder) -> builder.defaultHeader("Bad Name", "value"));
		cases.put("X-OpenRouter-Title", (builder) -> builder.appTitle("My app\n"));
		cases.put("HTTP-Referer", (builder) -> builder.appReferer("https://example.com/\r"));
		cases.put("X-OpenRouter-Categories", (builder) -> builder.appCategories(List.of("ok", "bad\u0000")));
		cases.forEach((header, setting) -> {
			MessagesClientBuilder builder = MessagesClient.builder().apiKey("sk-or-v1-test");
			setting.accept(builder);
			assertThatExceptionOfType(IllegalArgumentException.class).as(header)
				.isThrownBy(builder::buildReactive)
				.withMessageStartingWith("Invalid client header " + header + ": ")
				.withMessageNotContaining("\r")
				.withMessageNotContaining("\n");
		});
		MessagesClient.builder().apiKey("sk-or-v1-test").defaultHeader("X-Trace", "a\tb").appTitle("My app").buildReactive();
	}

	@Test
	void everyExpectationShouldHaveItsCase() {
		assertThat(cases().map((arguments) -> (String) arguments.get()[0]))
			.containsExactlyInAnyOrderElementsOf(expectations().keySet());
	}

	@Test
	void typedCasesShouldCoverFailuresAndSuccesses() {
		long failures = typedCases().keySet().stream().filter((name) -> expectations().get(name) != null).count();
		assertThat(failures).isGreaterThan(25).isLessThan(typedCases().size() - 5);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("headerCases")
	void shouldSendTheListedHeaders(String name, ClientSettings settings, RequestOptions options,
			Map<String, List<String>> expected) {
		for (boolean streaming : List.of(false, true)) {
			HttpHeaders actual = new RequestPreparer(settings, MAPPER).prepare(base().build(), options, streaming)
				.headers();
			Map<String, List<String>> expectedForCall = new TreeMap<>(expected);
			if (streaming && expected.get("accept").equals(List.of("application/json"))) {
				expectedForCall.put("accept", List.of("text/event-stream"));
			}
			assertThat(normalized(actual)).isEqualTo(expectedForCall);
		}
	}

	static Stream<Arguments> headerCases() {
		ClientSettings overriding = settings((builder) -> builder.routingMetadata(true)
			.defaultHeader("x-openrouter-metadata", "from-default")
			.defaultHeader("X-Session-Id", "default-session")
			.defaultHeader("Content-Type", "application/vnd.test+json"));
		RequestOptions perCall = RequestOptions.builder()
			.sessionId("s-1")
			.routingMetadata(false)
			.header("X-Per-Call", "p")
			.header("X-Custom", "per-call wins")
			.header("Accept", "application/x-ndjson")
			.build();
		RequestOptions metadataOn = RequestOptions.builder().routingMetadata(true).sessionId("s-2").build();
		Map<String, List<String>> plain = Map.of("accept", List.of("application/json"), "authorization",
				List.of("Bearer sk-or-test-0123abcd"), "content-type", List.of("application/json"));
		Map<String, List<String>> attribution = with(plain, "http-referer", "https://example.com", "x-custom", "one",
				"x-openrouter-categories", "cli,agent", "x-openrouter-title", "Example");
		Map<String, List<String>> perCallValues = Map.of("accept", List.of("application/x-ndjson"), "x-custom",
				List.of("per-call wins"), "x-per-call", List.of("p"), "x-session-id", List.of("s-1"));
		Map<String, List<String>> overridden = with(plain, "content-type", "application/vnd.test+json",
				"x-openrouter-metadata", "from-default", "x-session-id", "default-session");
		return Stream.of(Arguments.of("plain, no options", PLAIN, RequestOptions.none(), plain),
				Arguments.of("plain, per-call values", PLAIN, perCall, with(plain, perCallValues)),
				Arguments.of("plain, metadata on", PLAIN, metadataOn,
						with(plain, "x-openrouter-metadata", "enabled", "x-session-id", "s-2")),
				Arguments.of("attribution and defaults, no options", WITH_DEFAULTS, RequestOptions.none(),
						with(attribution, "x-openrouter-metadata", "enabled")),
				Arguments.of("attribution and defaults, per-call values", WITH_DEFAULTS, perCall,
						with(attribution, perCallValues)),
				Arguments.of("default headers named like per-call ones", overriding, RequestOptions.none(), overridden),
				Arguments.of("default headers named like per-call ones, with options", overriding, metadataOn,
						overridden));
	}

	private static Map<String, List<String>> with(Map<String, List<String>> headers, String... namesAndValues) {
		Map<String, List<String>> added = new TreeMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			added.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
		}
		return with(headers, added);
	}

	private static Map<String, List<String>> with(Map<String, List<String>> headers,
			Map<String, List<String>> added) {
		Map<String, List<String>> all = new TreeMap<>(headers);
		all.putAll(added);
		return all;
	}

	@Test
	void shouldRefuseAPerCallAuthorizationHeader() {
		RequestOptions options = RequestOptions.builder().header("authorization", "Bearer other").build();
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> new RequestPreparer(PLAIN, MAPPER).prepare(base().build(), options, false))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("headers.Authorization"));
	}

	@Test
	void shouldShareReadOnlyHeadersBetweenCallsWithoutOptions() {
		RequestPreparer preparer = new RequestPreparer(WITH_DEFAULTS, MAPPER);
		HttpHeaders first = preparer.prepare(base().build(), RequestOptions.none(), false).headers();
		assertThat(preparer.prepare(base().build(), null, false).headers()).isSameAs(first);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> first.set("X-Added", "yes"));
		assertThat(preparer.prepare(base().build(), RequestOptions.none(), true).headers()).isNotSameAs(first);
	}

	@Test
	void shouldGiveEachCallWithOptionsItsOwnHeaders() {
		RequestPreparer preparer = new RequestPreparer(WITH_DEFAULTS, MAPPER);
		RequestOptions options = RequestOptions.builder().header("X-Per-Call", "p").build();
		HttpHeaders first = preparer.prepare(base().build(), options, false).headers();
		first.add("X-Custom", "two");
		first.set("X-Added", "yes");
		HttpHeaders second = preparer.prepare(base().build(), options, false).headers();
		assertThat(second).isNotSameAs(first);
		assertThat(second.get("X-Custom")).containsExactly("one");
		assertThat(second.containsHeader("X-Added")).isFalse();
		assertThat(preparer.prepare(base().build(), RequestOptions.none(), false).headers().get("X-Custom"))
			.containsExactly("one");
	}

	@Test
	void shouldNotCopyARequestWhenNoDefaultApplies() {
		MessageRequest request = base().build();
		assertThat(new RequestPreparer(PLAIN, MAPPER).withDefaults(request, false)).isSameAs(request);
		MessageRequest complete = base().models("a/b").provider(ProviderPreferences.builder().build()).stream(true).build();
		assertThat(new RequestPreparer(WITH_DEFAULTS, MAPPER).withDefaults(complete, true)).isSameAs(complete);
	}

	@Test
	void shouldApplyDefaultsToTheRecord() {
		MessageRequest prepared = new RequestPreparer(WITH_DEFAULTS, MAPPER)
			.withDefaults(MessageRequest.builder().addUserMessage("Hi").stream(false).build(), true);
		assertThat(prepared.model()).isEqualTo("default/model");
		assertThat(prepared.models()).containsExactly("x/one", "x/two");
		assertThat(prepared.provider()).isEqualTo(WITH_DEFAULTS.providerPreferences());
		assertThat(prepared.stream()).isTrue();
		MessageRequest withFallbacks = new RequestPreparer(WITH_DEFAULTS, MAPPER)
			.withDefaults(base().addFallback("f/one").stream(true).build(), false);
		assertThat(withFallbacks.models()).isNull();
		assertThat(withFallbacks.stream()).isNull();
	}

	private static Map<String, List<String>> normalized(HttpHeaders headers) {
		Map<String, List<String>> map = new TreeMap<>();
		for (String name : headers.headerNames()) {
			map.put(name.toLowerCase(Locale.ROOT), headers.get(name));
		}
		return map;
	}

	private static RequestValidationException failure(Runnable call) {
		try {
			call.run();
			return null;
		}
		catch (RequestValidationException ex) {
			return ex;
		}
	}

	private static MessageRequest.Builder base() {
		return MessageRequest.builder().model("m").addUserMessage("Hi");
	}

	private static TextBlock cachedText(String text) {
		return new TextBlock(TextBlock.TYPE, text, CacheControl.ephemeral(), null);
	}

	private static ContentBlock cachedUnknown() {
		return unknownBlock("{\"type\":\"future\",\"cache_control\":{\"type\":\"ephemeral\"}}");
	}

	private static Tool cachedTool(String name) {
		return new CustomTool(null, name, null, json("{\"type\":\"object\"}"), CacheControl.ephemeral(), null, null);
	}

	private static UnknownContentBlock unknownBlock(String json) {
		return new UnknownContentBlock(json(json));
	}

	private static UnknownTool unknownTool(String json) {
		return new UnknownTool(json(json));
	}

	private static JsonNode json(String json) {
		return MAPPER.readTree(json);
	}

	record Refusal(String field, String limit, String message) {
	}

	private static ClientSettings settings(Consumer<MessagesClientBuilder> customizer) {
		MessagesClientBuilder builder = MessagesClient.builder().apiKey("sk-or-test-0123abcd");
		customizer.accept(builder);
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive()) {
			return client.settings();
		}
	}

}
