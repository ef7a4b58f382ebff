package io.github.openrouter.spring.sample.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DemoOpenRouterServer}.
 */
class DemoOpenRouterServerTests {

	private static final String SYSTEM = "You are a helpful assistant.";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private DemoOpenRouterServer server;

	@BeforeEach
	void startServer() {
		this.server = DemoOpenRouterServer.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void shouldBindLoopbackAndGenerateDemoKey() {
		assertThat(this.server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1");
		assertThat(this.server.apiKey()).startsWith("demo-").hasSizeGreaterThan(20);
		assertThat(this.server.toString()).doesNotContain(this.server.apiKey());
		try (DemoOpenRouterServer other = DemoOpenRouterServer.start()) {
			assertThat(other.apiKey()).isNotEqualTo(this.server.apiKey());
			assertThat(other.baseUrl()).isNotEqualTo(this.server.baseUrl());
		}
	}

	@Test
	void shouldAnswerNonStreamingRequestWithEchoAndUsage() throws Exception {
		String message = "What is the capital of France?";
		HttpResponse<String> response = post(request(message, false), this.server.apiKey(), false);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("X-Generation-Id")).hasValueSatisfying(
				(id) -> assertThat(id).startsWith("gen-demo-"));
		JsonNode body = this.mapper.readTree(response.body());
		String expectedText = DemoReplies.echo(message);
		int expectedInput = DemoTokens.count(SYSTEM) + DemoTokens.count(message);
		int expectedOutput = DemoTokens.count(expectedText);
		assertThat(body.path("type").asString()).isEqualTo("message");
		assertThat(body.path("role").asString()).isEqualTo("assistant");
		assertThat(body.path("id").asString()).startsWith("msg_demo_");
		assertThat(body.path("model").asString()).isEqualTo("anthropic/claude-sonnet-4");
		assertThat(body.path("provider").asString()).isEqualTo("Anthropic");
		assertThat(body.path("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(body.path("content")).hasSize(1);
		assertThat(body.path("content").path(0).path("type").asString()).isEqualTo("text");
		assertThat(body.path("content").path(0).path("text").asString()).isEqualTo(expectedText);
		JsonNode usage = body.path("usage");
		assertThat(usage.path("input_tokens").asInt()).isEqualTo(expectedInput).isGreaterThan(5);
		assertThat(usage.path("output_tokens").asInt()).isEqualTo(expectedOutput).isGreaterThan(5);
		assertThat(usage.path("cache_read_input_tokens").asInt()).isZero();
		assertThat(usage.path("service_tier").asString()).isEqualTo("standard");
		assertThat(usage.path("is_byok").asBoolean(true)).isFalse();
		assertThat(usage.path("cost").decimalValue())
			.isEqualByComparingTo(DemoTokens.cost(expectedInput, expectedOutput, 0, 0))
			.isPositive();
		assertThat(body.has("openrouter_metadata")).isFalse();
		assertThat(this.server.served()).singleElement().satisfies((reply) -> {
			assertThat(reply.inputTokens()).isEqualTo(expectedInput);
			assertThat(reply.outputTokens()).isEqualTo(expectedOutput);
			assertThat(reply.text()).isEqualTo(expectedText);
		});
	}

	@Test
	void shouldIncludeRoutingMetadataWhenOptedIn() throws Exception {
		String body = """
				{"model":"anthropic/claude-sonnet-4","max_tokens":100,"models":["openai/gpt-4o"],
				 "messages":[{"role":"user","content":"Hi"}]}""";
		JsonNode metadata = this.mapper.readTree(post(body, this.server.apiKey(), true).body())
			.path("openrouter_metadata");

		assertThat(metadata.path("requested").asString()).isEqualTo("anthropic/claude-sonnet-4");
		assertThat(metadata.path("strategy").asString()).isEqualTo("direct");
		assertThat(metadata.path("region").asString()).isNotBlank();
		assertThat(metadata.path("summary").asString()).isEqualTo("available=2, selected=Anthropic");
		assertThat(metadata.path("attempt").asInt()).isEqualTo(1);
		assertThat(metadata.path("is_byok").isBoolean()).isTrue();
		assertThat(metadata.path("endpoints").path("total").asInt()).isEqualTo(2);
		assertThat(metadata.path("endpoints").path("available").path(0).path("selected").asBoolean()).isTrue();
		assertThat(metadata.path("endpoints").path("available").path(1).path("model").asString())
			.isEqualTo("openai/gpt-4o");
		assertThat(metadata.path("endpoints").path("available").path(1).path("provider").asString())
			.isEqualTo("OpenAI");
	}

	@Test
	void shouldStreamServerSentEventsShapedLikeOpenRouter() throws Exception {
		String message = "Tell me a short story about a lighthouse keeper";
		HttpResponse<String> response = post(request(message, true), this.server.apiKey(), true);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		assertThat(response.body()).startsWith(": OPENROUTER PROCESSING\n\n")
			.endsWith("event: data\ndata: [DONE]\n\n");
		List<String[]> events = events(response.body());
		List<String> names = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (String[] event : events) {
			JsonNode data = this.mapper.readTree(event[1]);
			assertThat(data.path("type").asString()).isEqualTo(event[0]);
			names.add(event[0]);
			if ("content_block_delta".equals(event[0])) {
				text.append(data.path("delta").path("text").asString());
			}
		}
		assertThat(names.get(0)).isEqualTo("message_start");
		assertThat(names.subList(names.size() - 3, names.size()))
			.containsExactly("content_block_stop", "message_delta", "message_stop");
		assertThat(names).contains("ping").filteredOn("content_block_delta"::equals).hasSizeGreaterThan(2);
		String expectedText = DemoReplies.echo(message);
		assertThat(text).hasToString(expectedText);

		JsonNode start = this.mapper.readTree(events.get(0)[1]).path("message");
		int expectedInput = DemoTokens.count(SYSTEM) + DemoTokens.count(message);
		assertThat(start.path("provider").asString()).isEqualTo("Anthropic");
		assertThat(start.path("content")).isEmpty();
		assertThat(start.path("usage").path("input_tokens").asInt()).isEqualTo(expectedInput);
		JsonNode delta = this.mapper.readTree(events.get(events.size() - 2)[1]);
		assertThat(delta.path("delta").path("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(delta.path("usage").path("output_tokens").asInt()).isEqualTo(DemoTokens.count(expectedText));
		assertThat(delta.path("usage").path("input_tokens").asInt()).isEqualTo(expectedInput);
		assertThat(delta.path("usage").path("cost").decimalValue())
			.isEqualByComparingTo(DemoTokens.cost(expectedInput, DemoTokens.count(expectedText), 0, 0));
		JsonNode stop = this.mapper.readTree(events.get(events.size() - 1)[1]);
		assertThat(stop.path("openrouter_metadata").path("requested").asString())
			.isEqualTo("anthropic/claude-sonnet-4");
	}

	@Test
	void shouldOmitRoutingMetadataFromStreamWhenNotOptedIn() throws Exception {
		HttpResponse<String> response = post(request("Hello there", true), this.server.apiKey(), false);

		List<String[]> events = events(response.body());
		JsonNode stop = this.mapper.readTree(events.get(events.size() - 1)[1]);
		assertThat(stop.path("type").asString()).isEqualTo("message_stop");
		assertThat(stop.has("openrouter_metadata")).isFalse();
	}

	@Test
	void shouldRejectWrongKeyWithAuthenticationError() throws Exception {
		HttpResponse<String> response = post(request("Hi", false), "sk-or-not-the-demo-key", false);

		assertThat(response.statusCode()).isEqualTo(401);
		JsonNode body = this.mapper.readTree(response.body());
		assertThat(body.path("type").asString()).isEqualTo("error");
		assertThat(body.path("error").path("type").asString()).isEqualTo("authentication_error");
		assertThat(body.path("request_id").isNull()).isTrue();
		assertThat(this.server.served()).isEmpty();
	}

	@Test
	void shouldRejectMalformedJsonAndMissingMessagesWithBadRequest() throws Exception {
		HttpResponse<String> malformed = post("{\"model\": ", this.server.apiKey(), false);
		HttpResponse<String> noMessages = post("{\"model\":\"a/b\",\"max_tokens\":5}", this.server.apiKey(), false);
		HttpResponse<String> noModel = post("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
				this.server.apiKey(), false);

		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(this.mapper.readTree(malformed.body()).path("error").path("type").asString())
			.isEqualTo("invalid_request_error");
		assertThat(noMessages.statusCode()).isEqualTo(400);
		assertThat(this.mapper.readTree(noMessages.body()).path("error").path("message").asString())
			.contains("messages");
		assertThat(noModel.statusCode()).isEqualTo(400);
		assertThat(this.mapper.readTree(noModel.body()).path("error").path("message").asString()).contains("model");
		assertThat(this.server.served()).isEmpty();
	}

	@Test
	void shouldUseFirstProviderOfPreferredOrder() throws Exception {
		String body = """
				{"model":"meta-llama/llama-3.3-70b-instruct","provider":{"order":["DeepInfra","Together"]},
				 "messages":[{"role":"user","content":"Hi"}]}""";
		JsonNode response = this.mapper.readTree(post(body, this.server.apiKey(), false).body());

		assertThat(response.path("provider").asString()).isEqualTo("DeepInfra");
		assertThat(response.path("model").asString()).isEqualTo("meta-llama/llama-3.3-70b-instruct");
	}

	private HttpResponse<String> post(String body, String key, boolean routingMetadata)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + "/messages"))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (routingMetadata) {
			request.header("X-OpenRouter-Metadata", "enabled");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String request(String message, boolean stream) {
		return this.mapper.writeValueAsString(this.mapper.createObjectNode()
			.put("model", "anthropic/claude-sonnet-4")
			.put("max_tokens", 1024)
			.put("system", SYSTEM)
			.put("stream", stream)
			.set("messages", this.mapper.createArrayNode()
				.add(this.mapper.createObjectNode().put("role", "user").put("content", message))));
	}

	/**
	 * Splits an SSE body into (event name, data) pairs, skipping comments and the [DONE] frame.
	 */
	static List<String[]> events(String body) {
		List<String[]> events = new ArrayList<>();
		for (String frame : body.split("\n\n")) {
			String name = null;
			String data = null;
			for (String line : frame.split("\n")) {
				if (line.startsWith("event: ")) {
					name = line.substring(7);
				}
				else if (line.startsWith("data: ")) {
					data = line.substring(6);
				}
			}
			if (name != null && data != null && !"[DONE]".equals(data)) {
				events.add(new String[] { name, data });
			}
		}
		return events;
	}

}
