package io.github.openrouter.spring.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests the account gauges and the {@code openrouter} health component of
 * {@link OpenRouterAccountAutoConfiguration} over HTTP, with a refresh every 100 ms against
 * WireMock: each test changes the answers and waits until a refresh has read them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics,prometheus,env,configprops",
				"management.endpoint.health.show-details=always", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always",
				"openrouter.api-key=" + OpenRouterAccountActuatorTests.API_KEY,
				"openrouter.account.management-key=" + OpenRouterAccountActuatorTests.MANAGEMENT_KEY,
				"openrouter.account.refresh-interval=100ms", "openrouter.account.low-credit-threshold=5" })
class OpenRouterAccountActuatorTests {

	static final String API_KEY = "sk-or-v1-account-actuator-test-key-0123456789";

	/** Not in the sk-or- form, so only the sanitizing of the property by name can hide it. */
	static final String MANAGEMENT_KEY = "management-actuator-test-key-9876543210";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@DynamicPropertySource
	static void openRouterProperties(DynamicPropertyRegistry registry) {
		registry.add("openrouter.base-url", () -> "http://127.0.0.1:" + wireMock.getPort() + "/api/v1");
	}

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void answerCredits() {
		wireMock.stubFor(get("/api/v1/credits").willReturn(okJson(AccountAnswers.credits("100.5", "25.75"))));
	}

	@Test
	void shouldShowTheKeyAsGaugesAndHealthDetails() throws Exception {
		wireMock.stubFor(get("/api/v1/key").willReturn(
				okJson(AccountAnswers.key("sk-or-v1-au7...890", "100", "74.5", "25.5", "2099-12-31T23:59:59Z"))));

		// the key and the balance are read concurrently, each kept when it comes
		JsonNode health = awaitHealth((component) -> component.at("/details/usage").asDouble() == 25.5
				&& component.at("/details/balance").asDouble() == 74.75);

		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode details = health.path("details");
		assertThat(details.path("label").asString()).isEqualTo(OpenRouterHealthIndicator.UNNAMED_KEY);
		assertThat(details.path("limit").asDouble()).isEqualTo(100.0);
		assertThat(details.path("limitRemaining").asDouble()).isEqualTo(74.5);
		assertThat(details.path("freeTier").asBoolean()).isFalse();
		assertThat(details.path("expiresAt").asString()).isEqualTo("2099-12-31T23:59:59Z");
		assertThat(details.path("balance").asDouble()).isEqualTo(74.75);
		JsonNode usage = getJson("/actuator/metrics/" + AccountMetrics.KEY_USAGE + "?tag=period:week");
		assertThat(usage.at("/measurements/0/value").asDouble()).isEqualTo(25.5);
		assertThat(usage.at("/baseUnit").asString()).isEqualTo("usd");
		String prometheus = fetch("/actuator/prometheus").body();
		assertThat(sample(prometheus, "openrouter_key_usage_usd", "period=\"total\"")).isEqualTo(25.5);
		assertThat(sample(prometheus, "openrouter_key_byok_usage_usd", "period=\"month\"")).isEqualTo(1.5);
		assertThat(sample(prometheus, "openrouter_key_limit_usd", "")).isEqualTo(100.0);
		assertThat(sample(prometheus, "openrouter_key_limit_remaining_usd", "")).isEqualTo(74.5);
		assertThat(sample(prometheus, "openrouter_key_expiry_seconds", "")).isGreaterThan(2.0e9);
		assertThat(sample(prometheus, "openrouter_account_credits_usd", "credits_type=\"remaining\"")).isEqualTo(74.75);
		assertThat(sample(prometheus, "openrouter_account_credits_usd", "credits_type=\"purchased\"")).isEqualTo(100.5);
		assertThat(prometheus).doesNotContain(API_KEY).doesNotContain(MANAGEMENT_KEY).doesNotContain("au7");
		assertThat(fetch("/actuator/health").body()).doesNotContain("au7");
	}

	@Test
	void shouldShowAKeyWithoutLimitWithoutInventingLimitGauges() throws Exception {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson(AccountAnswers.key("backend", null, null, "3.25", null))));

		JsonNode health = awaitHealth((component) -> component.at("/details/label").asString().equals("backend"));

		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.at("/details/limit").asString()).isEqualTo("none");
		assertThat(health.at("/details/expiresAt").asString()).isEqualTo("never");
		assertThat(health.at("/details/limitRemaining").isMissingNode()).isTrue();
		String prometheus = fetch("/actuator/prometheus").body();
		assertThat(sample(prometheus, "openrouter_key_usage_usd", "period=\"day\"")).isEqualTo(3.25);
		assertThat(prometheus).doesNotContain("openrouter_key_limit_usd")
			.doesNotContain("openrouter_key_limit_remaining_usd")
			.doesNotContain("openrouter_key_expiry_seconds");
	}

	@Test
	void shouldReportLowCreditBelowTheThresholdWithoutTakingTheRootDown() throws Exception {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson(AccountAnswers.key("low", "10", "4.5", "5.5", null))));

		JsonNode health = awaitHealth((component) -> component.at("/details/label").asString().equals("low"));

		assertThat(health.path("status").asString()).isEqualTo(OpenRouterHealthIndicator.LOW_CREDIT.getCode());
		assertThat(health.at("/details/lowCreditThreshold").asDouble()).isEqualTo(5.0);
		HttpResponse<String> root = fetch("/actuator/health");
		assertThat(mapper.readTree(root.body()).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void shouldKeepTheLastValuesWhenARefreshFails() throws Exception {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson(AccountAnswers.key("before", "50", "40", "10", null))));
		awaitHealth((component) -> component.at("/details/label").asString().equals("before"));
		double failuresBefore = failures("500");

		wireMock.stubFor(get("/api/v1/key").willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":500,\"message\":\"Internal Server Error\"}}")));
		JsonNode health = awaitHealth((component) -> component.at("/details/lastError").asString().equals("500"));

		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.at("/details/label").asString()).isEqualTo("before");
		assertThat(health.at("/details/limitRemaining").asDouble()).isEqualTo(40.0);
		String prometheus = fetch("/actuator/prometheus").body();
		assertThat(sample(prometheus, "openrouter_key_limit_remaining_usd", "")).isEqualTo(40.0);
		assertThat(failures("500")).isGreaterThan(failuresBefore);
	}

	@Test
	void shouldReportARejectedKeyInTheComponentWhileTheRootStaysUp() throws Exception {
		wireMock.stubFor(get("/api/v1/key").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":401,\"message\":\"User not found.\"}}")));

		JsonNode health = awaitHealth(
				(component) -> component.path("status").asString().equals(OpenRouterHealthIndicator.KEY_REJECTED.getCode()));

		assertThat(health.at("/details/lastError").asString()).isEqualTo("401");
		HttpResponse<String> root = fetch("/actuator/health");
		assertThat(root.statusCode()).isEqualTo(200);
		assertThat(mapper.readTree(root.body()).path("status").asString()).isEqualTo("UP");
		assertThat(root.body()).doesNotContain(API_KEY);
	}

	@Test
	void shouldHideTheManagementKeyFromEnvAndConfigprops() throws Exception {
		String env = fetch("/actuator/env/openrouter.account.management-key").body();
		String configprops = fetch("/actuator/configprops").body();

		assertThat(env).contains("******").doesNotContain(MANAGEMENT_KEY);
		assertThat(configprops).contains("\"managementKey\":\"******\"")
			.doesNotContain(MANAGEMENT_KEY)
			.doesNotContain(API_KEY);
	}

	private double failures(String errorType) throws IOException, InterruptedException {
		String prometheus = fetch("/actuator/prometheus").body();
		List<String> lines = prometheus.lines()
			.filter((line) -> line.startsWith("openrouter_account_refresh_failures_total{")
					&& line.contains("call=\"key\"") && line.contains("error_type=\"" + errorType + "\""))
			.toList();
		return lines.isEmpty() ? 0 : Double.parseDouble(lines.get(0).substring(lines.get(0).lastIndexOf(' ') + 1));
	}

	private JsonNode awaitHealth(java.util.function.Predicate<JsonNode> condition) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			last[0] = getJson("/actuator/health/openrouter", true);
			return condition.test(last[0]);
		});
		return last[0];
	}

	private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = send(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

	private HttpResponse<String> send(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode getJson(String path) throws IOException, InterruptedException {
		return mapper.readTree(fetch(path).body());
	}

	private JsonNode getJson(String path, boolean anyStatus) throws IOException, InterruptedException {
		return mapper.readTree(send(path).body());
	}

	/**
	 * Returns the value of the one Prometheus sample of the metric whose labels contain the text.
	 */
	private static double sample(String exposition, String metric, String labelText) {
		List<String> lines = exposition.lines()
			.filter((line) -> (line.startsWith(metric + "{") || line.startsWith(metric + " "))
					&& line.contains(labelText))
			.toList();
		assertThat(lines).as("%s{...%s...}", metric, labelText).hasSize(1);
		String line = lines.get(0);
		return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class AccountApplication {

	}

}
