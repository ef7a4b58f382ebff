package io.github.openrouter.spring.sample;

import java.util.List;

import io.github.openrouter.spring.sample.SampleAppHttp.TokenTotals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live tests for {@link SampleApplication} against OpenRouter: the same flow as
 * {@link SampleApplicationTests}, with the token counts OpenRouter reports. Runs only when
 * {@code OPENROUTER_API_KEY} is set; {@code OPENROUTER_LIVE_MODEL} picks the model (default
 * {@code anthropic/claude-haiku-latest}, cheap).
 */
@EnabledIfEnvironmentVariable(named = "OPENROUTER_API_KEY", matches = ".+")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.demo-mode=never",
				"openrouter.default-model=${OPENROUTER_LIVE_MODEL:anthropic/claude-haiku-latest}" })
class SampleAppLiveIT {

	@LocalServerPort
	private int port;

	private SampleAppHttp http;

	@BeforeEach
	void createClient() {
		this.http = new SampleAppHttp(this.port);
	}

	@Test
	void shouldChatStreamAndCountOpenRoutersTokensInMetrics() {
		TokenTotals metricsBefore = this.http.metricsTotals();
		TokenTotals prometheusBefore = this.http.prometheusTotals();

		JsonNode reply = this.http.chat("Reply with exactly one word: pong");

		assertThat(reply.path("text").asString()).containsIgnoringCase("pong");
		assertThat(reply.path("model").asString()).isNotBlank();
		assertThat(reply.path("provider").asString()).isNotBlank();
		assertThat(reply.path("usage").path("input_tokens").asInt()).isPositive();
		assertThat(reply.path("usage").path("output_tokens").asInt()).isPositive();

		List<ServerSentEvent<String>> events = this.http.stream("Count from 1 to 5, separated by spaces.");

		ServerSentEvent<String> done = events.get(events.size() - 1);
		assertThat(done.event()).isEqualTo("done");
		StringBuilder text = new StringBuilder();
		events.subList(0, events.size() - 1)
			.forEach((event) -> text.append(this.http.json(event.data()).path("text").asString()));
		JsonNode streamed = this.http.json(done.data());
		assertThat(text.toString()).contains("1", "5").isEqualTo(streamed.path("text").asString());
		assertThat(streamed.path("usage").path("output_tokens").asInt()).isPositive();

		int input = totalInput(reply) + totalInput(streamed);
		int output = reply.path("usage").path("output_tokens").asInt()
				+ streamed.path("usage").path("output_tokens").asInt();
		TokenTotals metrics = this.http.metricsTotals().minus(metricsBefore);
		assertThat(metrics.input()).isEqualTo(input);
		assertThat(metrics.output()).isEqualTo(output);
		assertThat(metrics.calls()).isEqualTo(2);
		TokenTotals prometheus = this.http.prometheusTotals().minus(prometheusBefore);
		assertThat(prometheus.input()).isEqualTo(input);
		assertThat(prometheus.output()).isEqualTo(output);
	}

	private static int totalInput(JsonNode reply) {
		JsonNode usage = reply.path("usage");
		return usage.path("input_tokens").asInt() + usage.path("cache_creation_input_tokens").asInt()
				+ usage.path("cache_read_input_tokens").asInt();
	}

}
