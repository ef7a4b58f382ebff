package io.github.openrouter.spring.messages.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Tests for {@link RequestPreparer}: the one-pass preparation accepts and refuses exactly what the
 * old tree path ({@link TreeRequestPreparation}) did, with the same field, limit and message, and
 * sends the same headers.
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

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldAcceptAndRefuseLikeTheTreePath(String name, MessageRequest request, RequestOptions options) {
		for (ClientSettings settings : List.of(PLAIN, WITH_DEFAULTS)) {
			for (boolean streaming : List.of(false, true)) {
				RequestValidationException expected = failure(
						() -> new TreeRequestPreparation(settings).body(request, options, streaming));
				RequestValidationException actual = failure(
						() -> new RequestPreparer(settings, MAPPER).prepare(request, options, streaming));
				if (expected == null) {
					assertThat(actual).isNull();
				}
				else {
					assertThat(actual).isNotNull();
					assertThat(actual.field()).isEqualTo(expected.field());
					assertThat(actual.limit()).isEqualTo(expected.limit());
					assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
				}
			}
		}
	}

	@Test
	void typedCasesShouldCoverFailuresAndSuccesses() {
		long failures = typedCases().values()
			.stream()
			.filter((request) -> failure(() -> new TreeRequestPreparation(PLAIN).body(request, RequestOptions.none(),
					false)) != null)
			.count();
		assertThat(failures).isGreaterThan(25).isLessThan(typedCases().size() - 5);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("headerCases")
	void shouldSendTheHeadersTheTreePathSent(String name, ClientSettings settings, RequestOptions options) {
		for (boolean streaming : List.of(false, true)) {
			HttpHeaders expected = new TreeRequestPreparation(settings).headers(options, streaming);
			HttpHeaders actual = new RequestPreparer(settings, MAPPER).prepare(base().build(), options, streaming)
				.headers();
			assertThat(normalized(actual)).isEqualTo(normalized(expected));
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
		return Stream.of(Arguments.of("plain, no options", PLAIN, RequestOptions.none()),
				Arguments.of("plain, per-call values", PLAIN, perCall),
				Arguments.of("plain, metadata on", PLAIN, metadataOn),
				Arguments.of("attribution and defaults, no options", WITH_DEFAULTS, RequestOptions.none()),
				Arguments.of("attribution and defaults, per-call values", WITH_DEFAULTS, perCall),
				Arguments.of("default headers named like per-call ones", overriding, RequestOptions.none()),
				Arguments.of("default headers named like per-call ones, with options", overriding, metadataOn));
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

	private static ClientSettings settings(Consumer<MessagesClientBuilder> customizer) {
		MessagesClientBuilder builder = MessagesClient.builder().apiKey("sk-or-test-0123abcd");
		customizer.accept(builder);
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive()) {
			return client.settings();
		}
	}

}
