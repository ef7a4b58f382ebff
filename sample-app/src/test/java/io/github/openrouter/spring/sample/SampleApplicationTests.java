package io.github.openrouter.spring.sample;

import java.math.BigDecimal;
import java.util.List;

import io.github.openrouter.spring.sample.SampleAppHttp.TokenTotals;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.sample.demo.DemoReplies;
import io.github.openrouter.spring.sample.demo.DemoTokens;
import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.aot.AotTestContextInitializers;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * End-to-end tests for {@link SampleApplication} in demo mode: HTTP in, the starter's client
 * against the embedded stub, meters out.
 *
 * <p>
 * The build runs them twice: as usual, and on the context that Spring's AOT processing generated
 * ({@code spring.aot.enabled=true}; the {@code aot-end-to-end} execution in the sample's POM).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.demo-mode=always", "sample.demo-delta-delay=0ms" })
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private OpenRouterStub stub;

	@Autowired
	private Environment environment;

	private SampleAppHttp http;

	@BeforeEach
	void createClient() {
		this.http = new SampleAppHttp(this.port);
	}

	@Test
	void shouldRunOnTheAotGeneratedContextWhenAotIsEnabled() {
		// Spring falls back to the regular context for a test class that AOT processing skipped; not this one.
		assertThat(new AotTestContextInitializers().isSupportedTestClass(SampleApplicationTests.class))
			.isEqualTo(AotDetector.useGeneratedArtifacts());
	}

	@Test
	void shouldChatAndCountTheStubsTokensInMetrics() {
		String model = this.environment.getRequiredProperty("openrouter.default-model");
		String question = "What is a Spring Boot starter?";

		List<MessageResponse> served = recordingMetrics(() -> {
			JsonNode reply = this.http.chat(question);

			assertThat(reply.path("text").asString()).isEqualTo(DemoReplies.echo(question));
			assertThat(reply.path("model").asString()).isEqualTo(model);
			assertThat(reply.path("provider").asString()).isEqualTo(DemoReplies.providerFor(model));
			assertThat(reply.path("stop_reason").asString()).isEqualTo("end_turn");
			assertThat(reply.path("generation_id").asString()).startsWith("gen-demo-");
			assertUsage(reply, question);
		});

		assertThat(served).singleElement().satisfies((reply) -> {
			assertThat(reply.usage().totalInputTokens()).isEqualTo(expectedInput(question));
			assertThat(reply.usage().outputTokens()).isEqualTo(expectedOutput(question));
		});
	}

	@Test
	void shouldStreamAndCountTheStubsTokensInMetrics() {
		String model = this.environment.getRequiredProperty("openrouter.default-model");
		String message = "Stream a haiku about observability";

		List<MessageResponse> served = recordingMetrics(() -> {
			List<ServerSentEvent<String>> events = this.http.stream(message);

			assertThat(events).hasSizeGreaterThan(3);
			StringBuilder text = new StringBuilder();
			for (ServerSentEvent<String> event : events.subList(0, events.size() - 1)) {
				assertThat(event.event()).isEqualTo("delta");
				text.append(this.http.json(event.data()).path("text").asString());
			}
			assertThat(text).hasToString(DemoReplies.echo(message));
			ServerSentEvent<String> done = events.get(events.size() - 1);
			assertThat(done.event()).isEqualTo("done");
			JsonNode reply = this.http.json(done.data());
			assertThat(reply.path("text").asString()).isEqualTo(DemoReplies.echo(message));
			assertThat(reply.path("model").asString()).isEqualTo(model);
			assertThat(reply.path("provider").asString()).isEqualTo(DemoReplies.providerFor(model));
			assertThat(reply.path("stop_reason").asString()).isEqualTo("end_turn");
			assertUsage(reply, message);
		});

		assertThat(served).singleElement().satisfies((reply) -> {
			assertThat(reply.usage().totalInputTokens()).isEqualTo(expectedInput(message));
			assertThat(reply.usage().outputTokens()).isEqualTo(expectedOutput(message));
		});
	}

	/**
	 * Runs HTTP calls against the app and checks that the token meters in
	 * {@code /actuator/metrics} and {@code /actuator/prometheus} grew by exactly what the stub
	 * reported for those calls.
	 */
	private List<MessageResponse> recordingMetrics(Runnable calls) {
		TokenTotals metricsBefore = this.http.metricsTotals();
		TokenTotals prometheusBefore = this.http.prometheusTotals();
		double costBefore = this.http.metric("openrouter.client.cost", "TOTAL");
		double durationsBefore = this.http.metric("gen_ai.client.operation.duration", "COUNT", "outcome:success");
		double routedBefore = this.http.metric("openrouter.client.routing.attempts", "COUNT");
		double attemptsBefore = this.http.metric("openrouter.client.routing.attempts", "TOTAL");
		int servedBefore = this.stub.requests().size();

		calls.run();

		List<MessageResponse> served = this.stub.requests()
			.subList(servedBefore, this.stub.requests().size())
			.stream()
			.map(RecordedRequest::response)
			.toList();
		assertThat(served).isNotEmpty();
		int input = served.stream().mapToInt((reply) -> reply.usage().totalInputTokens()).sum();
		int output = served.stream().mapToInt((reply) -> reply.usage().outputTokens()).sum();
		TokenTotals metrics = this.http.metricsTotals().minus(metricsBefore);
		assertThat(metrics.input()).as("input tokens in /actuator/metrics").isEqualTo(input);
		assertThat(metrics.output()).as("output tokens in /actuator/metrics").isEqualTo(output);
		assertThat(metrics.calls()).as("calls in /actuator/metrics").isEqualTo(served.size());
		TokenTotals prometheus = this.http.prometheusTotals().minus(prometheusBefore);
		assertThat(prometheus.input()).as("input tokens in /actuator/prometheus").isEqualTo(input);
		assertThat(prometheus.output()).as("output tokens in /actuator/prometheus").isEqualTo(output);
		assertThat(prometheus.calls()).as("calls in /actuator/prometheus").isEqualTo(served.size());
		double cost = served.stream().map((reply) -> reply.usage().cost()).mapToDouble(BigDecimal::doubleValue).sum();
		assertThat(this.http.metric("openrouter.client.cost", "TOTAL") - costBefore).as("cost in USD")
			.isCloseTo(cost, within(1e-9));
		assertThat(this.http.metric("gen_ai.client.operation.duration", "COUNT", "outcome:success") - durationsBefore)
			.as("successful operations")
			.isEqualTo(served.size());
		// application.yml opts in to routing metadata; the stub always serves on the first attempt
		assertThat(this.http.metric("openrouter.client.routing.attempts", "COUNT") - routedBefore).as("routed calls")
			.isEqualTo(served.size());
		assertThat(this.http.metric("openrouter.client.routing.attempts", "TOTAL") - attemptsBefore)
			.as("routing attempts")
			.isEqualTo(served.size());
		for (MessageResponse reply : served) {
			assertThat(this.http.metric("openrouter.client.operations", "COUNT", "openrouter.provider:" + reply.provider()))
				.as("operations served by %s", reply.provider())
				.isPositive();
		}
		return served;
	}

	@Test
	void shouldExposeHealthMetricsAndPrometheus() {
		JsonNode health = this.http.json(this.http.get("/actuator/health"));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode metrics = this.http.json(this.http.get("/actuator/metrics"));
		assertThat(metrics.path("names").isArray()).isTrue();
		assertThat(this.http.get("/actuator/prometheus")).contains("# TYPE");
	}

	@Test
	void shouldRejectBlankAndOversizedMessagesBeforeCallingOpenRouter() {
		int servedBefore = this.stub.requests().size();

		assertThatExceptionOfType(WebClientResponseException.class)
			.isThrownBy(() -> this.http.webClient()
				.post()
				.uri("/chat")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"message\":\"  \"}")
				.retrieve()
				.bodyToMono(String.class)
				.block(SampleAppHttp.TIMEOUT))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		String oversized = "x".repeat(ChatController.MAX_MESSAGE_LENGTH + 1);
		assertThatExceptionOfType(WebClientResponseException.class)
			.isThrownBy(() -> this.http.chat(oversized))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
		assertThat(this.stub.requests()).hasSize(servedBefore);
	}

	private void assertUsage(JsonNode reply, String message) {
		JsonNode usage = reply.path("usage");
		assertThat(usage.path("input_tokens").asInt()).isEqualTo(expectedInput(message));
		assertThat(usage.path("output_tokens").asInt()).isEqualTo(expectedOutput(message));
		assertThat(reply.path("cost").decimalValue())
			.isEqualByComparingTo(DemoTokens.cost(expectedInput(message), expectedOutput(message), 0, 0));
	}

	private static int expectedInput(String message) {
		return DemoTokens.count(ChatController.SYSTEM_PROMPT) + DemoTokens.count(message);
	}

	private static int expectedOutput(String message) {
		return DemoTokens.count(DemoReplies.echo(message));
	}

}
