package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.conformance.Fixtures;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.tool.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RequestValidator}: every broken limit is rejected before the network, with the
 * field and the limit; raw JSON that the typed model cannot hold is refused when it is read.
 * {@link RequestPreparerTests} checks the exact message of each case.
 */
class RequestValidatorTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String USER = "{\"role\":\"user\",\"content\":\"Hi\"}";

	private static final String TOOL_A = "{\"name\":\"a\",\"input_schema\":{\"type\":\"object\"}}";

	private static final String LONG = "x".repeat(257);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static Stream<InvalidCase> invalidRequests() {
		return Stream.of(
				json("no model and no default model", "{\"messages\":[" + USER + "]}", "model", "required"),
				json("blank model", "{\"model\":\" \",\"messages\":[" + USER + "]}", "model", "non-empty"),
				json("no messages", "{\"model\":\"m\"}", "messages", "at least 1 message"),
				json("empty messages", "{\"model\":\"m\",\"messages\":[]}", "messages", "at least 1 message"),
				json("empty string content",
						"{\"model\":\"m\",\"messages\":[" + USER + "," + USER + ",{\"role\":\"user\",\"content\":\"\"}]}",
						"messages[2].content", "not empty"),
				json("empty block content", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[]}]}",
						"messages[0].content", "at least 1 content block"),
				json("zero max_tokens", "{\"model\":\"m\",\"max_tokens\":0,\"messages\":[" + USER + "]}", "max_tokens",
						">= 1"),
				json("negative max_tokens", "{\"model\":\"m\",\"max_tokens\":-5,\"messages\":[" + USER + "]}",
						"max_tokens", ">= 1"),
				json("negative temperature", "{\"model\":\"m\",\"temperature\":-0.1,\"messages\":[" + USER + "]}",
						"temperature", ">= 0"),
				new InvalidCase("NaN temperature",
						MessageRequest.builder().model("m").temperature(Double.NaN).addUserMessage("Hi").build(),
						RequestOptions.none(), "temperature", ">= 0"),
				new InvalidCase("infinite temperature",
						MessageRequest.builder().model("m").temperature(Double.POSITIVE_INFINITY).addUserMessage("Hi").build(),
						RequestOptions.none(), "temperature", ">= 0"),
				json("top_p above 1", "{\"model\":\"m\",\"top_p\":1.5,\"messages\":[" + USER + "]}", "top_p",
						"between 0 and 1"),
				json("negative top_p", "{\"model\":\"m\",\"top_p\":-0.5,\"messages\":[" + USER + "]}", "top_p",
						"between 0 and 1"),
				json("negative top_k", "{\"model\":\"m\",\"top_k\":-1,\"messages\":[" + USER + "]}", "top_k", ">= 0"),
				json("empty stop sequence", "{\"model\":\"m\",\"stop_sequences\":[\"END\",\"\"],\"messages\":[" + USER + "]}",
						"stop_sequences[1]", "non-empty"),
				json("thinking budget below 1024",
						"{\"model\":\"m\",\"max_tokens\":4096,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1023},"
								+ "\"messages\":[" + USER + "]}",
						"thinking.budget_tokens", ">= 1024"),
				json("thinking budget not below max_tokens",
						"{\"model\":\"m\",\"max_tokens\":2048,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048},"
								+ "\"messages\":[" + USER + "]}",
						"thinking.budget_tokens", "< max_tokens"),
				json("four fallbacks",
						"{\"model\":\"m\",\"fallbacks\":[{\"model\":\"a\"},{\"model\":\"b\"},{\"model\":\"c\"},{\"model\":\"d\"}],"
								+ "\"messages\":[" + USER + "]}",
						"fallbacks", "at most 3"),
				json("fallbacks with models",
						"{\"model\":\"m\",\"models\":[\"x\"],\"fallbacks\":[{\"model\":\"a\"}],\"messages\":[" + USER + "]}",
						"fallbacks", "not together with models"),
				json("fallback without model", "{\"model\":\"m\",\"fallbacks\":[{\"model\":\"\"}],\"messages\":[" + USER + "]}",
						"fallbacks[0].model", "required"),
				json("session_id over 256", "{\"model\":\"m\",\"session_id\":\"" + LONG + "\",\"messages\":[" + USER + "]}",
						"session_id", "at most 256 characters"),
				json("user over 256", "{\"model\":\"m\",\"user\":\"" + LONG + "\",\"messages\":[" + USER + "]}", "user",
						"at most 256 characters"),
				new InvalidCase("x-session-id option over 256",
						MessageRequest.builder().model("m").addUserMessage("Hi").build(),
						RequestOptions.builder().sessionId(LONG).build(), "x-session-id", "at most 256 characters"),
				json("empty stop_server_tools_when",
						"{\"model\":\"m\",\"stop_server_tools_when\":[],\"messages\":[" + USER + "]}",
						"stop_server_tools_when", "at least 1 condition"),
				json("duplicate tool names", "{\"model\":\"m\",\"tools\":[" + TOOL_A + "," + TOOL_A + "],\"messages\":[" + USER + "]}",
						"tools[1].name", "unique"),
				json("custom tool without input_schema",
						"{\"model\":\"m\",\"tools\":[{\"name\":\"a\"}],\"messages\":[" + USER + "]}", "tools[0].input_schema",
						"required"),
				json("tool_choice names unknown tool",
						"{\"model\":\"m\",\"tools\":[" + TOOL_A + "],\"tool_choice\":{\"type\":\"tool\",\"name\":\"b\"},"
								+ "\"messages\":[" + USER + "]}",
						"tool_choice.name", "one of the names in tools"),
				json("tool_choice tool without tools",
						"{\"model\":\"m\",\"tool_choice\":{\"type\":\"tool\",\"name\":\"a\"},\"messages\":[" + USER + "]}",
						"tool_choice.name", "one of the names in tools"),
				json("task budget below 20000",
						"{\"model\":\"m\",\"output_config\":{\"task_budget\":{\"type\":\"tokens\",\"total\":1000}},"
								+ "\"messages\":[" + USER + "]}",
						"output_config.task_budget.total", ">= 20000"),
				json("five cache breakpoints",
						"{\"model\":\"m\",\"system\":[" + cached("s1") + "," + cached("s2") + "],\"messages\":[{\"role\":\"user\","
								+ "\"content\":[" + cached("a") + "," + cached("b") + "," + cached("c") + "]}]}",
						"cache_control", "at most 4"),
				json("empty role in JSON", "{\"model\":\"m\",\"messages\":[" + USER + ",{\"role\":\"\",\"content\":\"Hi\"}]}",
						"messages[1].role", "required"),
				json("block without type in JSON",
						"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"no type\"}]}]}",
						"messages[0].content[0].type", "required"),
				new InvalidCase("Authorization header per call",
						MessageRequest.builder().model("m").addUserMessage("Hi").build(),
						RequestOptions.builder().header("Authorization", "Bearer x").build(), "headers.Authorization",
						"API key"),
				new InvalidCase("non-positive timeout option",
						MessageRequest.builder().model("m").addUserMessage("Hi").build(),
						RequestOptions.builder().timeout(Duration.ZERO).build(), "timeout", "positive"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void shouldRejectBeforeNetwork(InvalidCase invalid) {
		MessagesClient client = client();
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.create(invalid.request, invalid.options))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo(invalid.field);
				assertThat(ex.limit()).contains(invalid.limit);
				assertThat(ex.getMessage()).contains(invalid.field).contains(invalid.limit);
			});
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.reactive().create(invalid.request, invalid.options).block());
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unreadable")
	void shouldRefuseWhenReadingWhatTheTypedModelCannotHold(String body) {
		// a message without role or content, or not an object: the model's constructors refuse it
		assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> parse(body));
	}

	static Stream<String> unreadable() {
		return Stream.of("{\"model\":\"m\",\"messages\":[" + USER + ",{\"role\":null,\"content\":\"Hi\"}]}",
				"{\"model\":\"m\",\"messages\":[" + USER + ",{\"content\":\"Hi\"}]}",
				"{\"model\":\"m\",\"messages\":[{\"role\":\"user\"}]}",
				"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":null}]}",
				"{\"model\":\"m\",\"messages\":[\"not an object\"]}");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cacheableElements")
	void shouldCountTheCacheControlEveryBlockAndToolIsWrittenWith(String name, MessageRequest request) {
		// five of one kind of block or tool, each read with a cache_control: the validator counts what is written
		JsonNode body = MAPPER.valueToTree(request);
		int written = 0;
		for (JsonNode element : body.path("tools")) {
			written += element.hasNonNull("cache_control") ? 1 : 0;
		}
		for (JsonNode element : body.path("messages").path(0).path("content")) {
			written += element.hasNonNull("cache_control") ? 1 : 0;
		}
		assertThat(RequestValidator.cacheBreakpoints(request)).isEqualTo(written);
		assertThat(written).as("written").isIn(0, 5);
	}

	static Stream<Arguments> cacheableElements() {
		Map<String, JsonNode> blocks = new TreeMap<>();
		Map<String, JsonNode> tools = new TreeMap<>();
		for (Fixtures.Fixture fixture : Fixtures.list("conformance/responses/*.json")) {
			MAPPER.readTree(fixture.content())
				.path("content")
				.forEach((block) -> blocks.putIfAbsent(block.path("type").asString(), block));
		}
		for (Fixtures.Fixture fixture : Fixtures.list("conformance/requests/*.json")) {
			JsonNode request = MAPPER.readTree(fixture.content());
			request.path("tools").forEach((tool) -> tools.putIfAbsent(tool.path("type").asString("custom"), tool));
			request.path("messages")
				.forEach((message) -> message.path("content")
					.forEach((block) -> blocks.putIfAbsent(block.path("type").asString(), block)));
		}
		blocks.putIfAbsent("tool_reference", MAPPER.readTree("{\"type\":\"tool_reference\",\"tool_name\":\"t\"}"));
		blocks.put("an unknown block", MAPPER.readTree("{\"type\":\"future\"}"));
		tools.put("an unknown tool", MAPPER.readTree("{\"type\":\"future_tool\"}"));
		List<Arguments> cases = new ArrayList<>();
		Set<Class<?>> kinds = new HashSet<>();
		blocks.forEach((type, json) -> {
			List<ContentBlock> five = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				five.add(MAPPER.treeToValue(cached(json), ContentBlock.class));
			}
			kinds.add(five.get(0).getClass());
			cases.add(Arguments.of("block " + type, MessageRequest.builder().model("m").addAssistantMessage(five).build()));
		});
		tools.forEach((type, json) -> {
			MessageRequest.Builder request = MessageRequest.builder().model("m").addUserMessage("Hi");
			for (int i = 0; i < 5; i++) {
				ObjectNode tool = cached(json);
				if (tool.has("name")) {
					tool.put("name", tool.get("name").asString() + i);
				}
				Tool read = MAPPER.treeToValue(tool, Tool.class);
				kinds.add(read.getClass());
				request.addTool(read);
			}
			cases.add(Arguments.of("tool " + type, request.build()));
		});
		assertThat(kinds).as("every kind of block and tool").contains(ContentBlock.class.getPermittedSubclasses())
			.contains(Tool.class.getPermittedSubclasses());
		return cases.stream();
	}

	private static ObjectNode cached(JsonNode json) {
		ObjectNode copy = (ObjectNode) json.deepCopy();
		copy.set("cache_control", MAPPER.readTree("{\"type\":\"ephemeral\"}"));
		return copy;
	}

	@Test
	void shouldSendRequestAtTheLimits() {
		wireMock.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}")));
		MessageRequest request = parse("{\"model\":\"m\",\"max_tokens\":2048,\"temperature\":0,\"top_p\":1,\"top_k\":0,"
				+ "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024},"
				+ "\"fallbacks\":[{\"model\":\"a\"},{\"model\":\"b\"},{\"model\":\"c\"}],"
				+ "\"session_id\":\"" + "s".repeat(256) + "\",\"user\":\"" + "u".repeat(256) + "\","
				+ "\"tools\":[" + TOOL_A + "],\"tool_choice\":{\"type\":\"tool\",\"name\":\"a\"},"
				+ "\"messages\":[{\"role\":\"user\",\"content\":[" + cached("a") + "," + cached("b") + "," + cached("c")
				+ "," + cached("d") + "]}]}");
		assertThat(client().create(request, RequestOptions.builder().sessionId("x".repeat(256)).build()).id())
			.isEqualTo("msg_1");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void defaultModelShouldSatisfyModelRule() {
		wireMock.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}")));
		MessagesClient client = MessagesClient.builder()
			.apiKey("sk-or-test")
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.defaultModel("anthropic/claude-sonnet-4")
			.build();
		assertThat(client.create(parse("{\"messages\":[" + USER + "]}")).id()).isEqualTo("msg_2");
	}

	private static MessagesClient client;

	private static MessagesClient client() {
		if (client == null) {
			client = newClient();
		}
		return client;
	}

	private static MessagesClient newClient() {
		return MessagesClient.builder()
			.apiKey("sk-or-test")
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/api/v1")
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	private static String cached(String text) {
		return "{\"type\":\"text\",\"text\":\"" + text + "\",\"cache_control\":{\"type\":\"ephemeral\"}}";
	}

	private static MessageRequest parse(String json) {
		return MAPPER.readValue(json, MessageRequest.class);
	}

	private static InvalidCase json(String name, String json, String field, String limit) {
		return new InvalidCase(name, parse(json), RequestOptions.none(), field, limit);
	}

	static final class InvalidCase {

		final String name;

		final MessageRequest request;

		final RequestOptions options;

		final String field;

		final String limit;

		InvalidCase(String name, MessageRequest request, RequestOptions options, String field, String limit) {
			this.name = name;
			this.request = request;
			this.options = options;
			this.field = field;
			this.limit = limit;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
