package io.github.openrouter.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that an application with the starter and the actuator shows the meters of
 * {@link OpenRouterObservationAutoConfiguration} at {@code /actuator/metrics} and
 * {@code /actuator/prometheus}, over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=metrics,prometheus",
				"openrouter.api-key=" + OpenRouterMetricsEndpointTests.API_KEY })
class OpenRouterMetricsEndpointTests {

	static final String API_KEY = "sk-or-v1-metrics-endpoint-test-key";

	private static final String FIXTURE = "fixtures/synthetic-observability/response-fallback-full-usage.json";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@DynamicPropertySource
	static void openRouterProperties(DynamicPropertyRegistry registry) {
		registry.add("openrouter.base-url", () -> "http://127.0.0.1:" + wireMock.getPort() + "/api/v1");
		registry.add("openrouter.routing-metadata", () -> "true");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private MessagesClient client;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void shouldShowTheMetersOfOneCallInTheMetricsAndPrometheusEndpoints() throws Exception {
		String body = fixture();
		JsonNode fixture = mapper.readTree(body);
		JsonNode usage = fixture.get("usage");
		long input = usage.get("input_tokens").asLong() + usage.get("cache_read_input_tokens").asLong()
				+ usage.get("cache_creation_input_tokens").asLong();
		String requested = fixture.at("/openrouter_metadata/requested").asString();
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

		this.client.create(MessageRequest.builder().model(requested).addUserMessage("Hello").build());

		JsonNode inputTokens = getJson("/actuator/metrics/" + MessagesMeterObservationHandler.TOKEN_USAGE
				+ "?tag=gen_ai.token.type:input");
		assertThat(statistic(inputTokens, "TOTAL")).isEqualTo(input);
		assertThat(statistic(inputTokens, "COUNT")).isEqualTo(1.0);
		JsonNode cost = getJson("/actuator/metrics/" + MessagesMeterObservationHandler.COST);
		assertThat(statistic(cost, "TOTAL")).isEqualTo(usage.get("cost").asDouble());
		JsonNode attempts = getJson("/actuator/metrics/" + MessagesMeterObservationHandler.ROUTING_ATTEMPTS);
		assertThat(statistic(attempts, "TOTAL")).isEqualTo(fixture.at("/openrouter_metadata/attempt").asDouble());
		for (String name : List.of(MessagesMeterObservationHandler.OPERATION_DURATION,
				MessagesMeterObservationHandler.CACHE_READ_TOKENS, MessagesMeterObservationHandler.CACHE_CREATION_TOKENS,
				MessagesMeterObservationHandler.REASONING_TOKENS, MessagesMeterObservationHandler.OPERATIONS,
				MessagesMeterObservationHandler.FALLBACKS, "gen_ai.client.operation")) {
			assertThat(statistic(getJson("/actuator/metrics/" + name), "COUNT")).as(name).isEqualTo(1.0);
		}

		String prometheus = get("/actuator/prometheus").body();
		assertThat(sample(prometheus, "gen_ai_client_token_usage_tokens_sum", "gen_ai_token_type=\"input\""))
			.isEqualTo(input);
		assertThat(sample(prometheus, "gen_ai_client_token_usage_tokens_sum", "gen_ai_token_type=\"output\""))
			.isEqualTo(usage.get("output_tokens").asDouble());
		assertThat(sample(prometheus, "openrouter_client_token_reasoning_tokens_sum", ""))
			.isEqualTo(usage.at("/output_tokens_details/thinking_tokens").asDouble());
		assertThat(sample(prometheus, "openrouter_client_fallbacks_total",
				"openrouter_provider=\"" + fixture.get("provider").asString() + "\""))
			.isEqualTo(1.0);
		assertThat(prometheus).contains("gen_ai_client_operation_duration_seconds_count{",
				"openrouter_client_token_cache_read_tokens_sum{", "openrouter_client_token_cache_creation_tokens_sum{",
				"openrouter_client_cost_usd_sum{", "openrouter_client_operations_total{",
				"openrouter_client_routing_attempts_sum{", "gen_ai_request_model=\"" + requested + "\"",
				"openrouter_routing_strategy=\"" + fixture.at("/openrouter_metadata/strategy").asString() + "\"")
			.doesNotContain(API_KEY)
			.doesNotContain(fixture.get("id").asString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		return mapper.readTree(get(path).body());
	}

	private static double statistic(JsonNode metric, String statistic) {
		for (JsonNode measurement : metric.get("measurements")) {
			if (statistic.equals(measurement.get("statistic").asString())) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("No " + statistic + " in " + metric);
	}

	/**
	 * Returns the value of the one Prometheus sample of the metric whose labels contain the text.
	 */
	private static double sample(String exposition, String metric, String labelText) {
		List<String> lines = exposition.lines()
			.filter((line) -> line.startsWith(metric + "{") && line.contains(labelText))
			.toList();
		assertThat(lines).as("%s{...%s...}", metric, labelText).hasSize(1);
		String line = lines.get(0);
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	private static String fixture() throws IOException {
		try (InputStream in = OpenRouterMetricsEndpointTests.class.getClassLoader().getResourceAsStream(FIXTURE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MetricsApplication {

	}

}
