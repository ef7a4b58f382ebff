package io.github.openrouter.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests how the background refresh of {@link OpenRouterAccountAutoConfiguration} meets the
 * application's lifecycle and its health probes, over HTTP, counting the calls on WireMock.
 */
class OpenRouterAccountLifecycleTests {

	private static final String API_KEY = "sk-or-v1-account-lifecycle-test-0123456789";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void shouldAnswerManyHealthProbesFromTheValuesReadOnce() {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson(AccountAnswers.key("probed", "20", "15", "5", null))));
		try (ConfigurableApplicationContext context = run()) {
			WebClient actuator = actuator(context);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> health(actuator, "/health/openrouter").at("/details/label").asString().equals("probed"));

			for (int i = 0; i < 50; i++) {
				assertThat(health(actuator, "/health").path("status").asString()).isEqualTo("UP");
				assertThat(health(actuator, "/health/openrouter").path("status").asString()).isEqualTo("UP");
			}

			wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/key")));
		}
	}

	@Test
	void shouldStopRefreshingWithTheContext() {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson(AccountAnswers.key("stopping", null, null, "1", null))));
		ConfigurableApplicationContext context = run("--openrouter.account.refresh-interval=50ms");
		AccountRefresher refresher = context.getBean(AccountRefresher.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> keyReads() >= 3);

		context.close();

		assertThat(refresher.isRunning()).isFalse();
		int afterClose = keyReads();
		// at most the read that was under way when the context closed, over 10 refresh intervals
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> keyReads() <= afterClose + 1);
	}

	@Test
	void shouldTakeTheRootHealthDownForARejectedKeyWhenTheOwnerOptsIn() {
		wireMock.stubFor(get("/api/v1/key").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":401,\"message\":\"User not found.\"}}")));
		try (ConfigurableApplicationContext context = run("--openrouter.account.down-when-unusable=true")) {
			WebClient actuator = actuator(context);

			await().atMost(Duration.ofSeconds(20))
				.until(() -> health(actuator, "/health/openrouter").path("status").asString().equals("DOWN"));

			JsonNode component = health(actuator, "/health/openrouter");
			assertThat(component.at("/details/problem").asString())
				.isEqualTo(OpenRouterHealthIndicator.KEY_REJECTED.getCode());
			assertThat(health(actuator, "/health").path("status").asString()).isEqualTo("DOWN");
		}
	}

	private static int keyReads() {
		return wireMock.countRequestsMatching(getRequestedFor(urlPathEqualTo("/api/v1/key")).build()).getCount();
	}

	private static ConfigurableApplicationContext run(String... arguments) {
		String[] common = { "--server.port=0", "--server.address=127.0.0.1", "--openrouter.api-key=" + API_KEY,
				"--openrouter.base-url=http://127.0.0.1:" + wireMock.getPort() + "/api/v1",
				"--management.endpoints.web.exposure.include=health",
				"--management.endpoint.health.show-details=always" };
		String[] all = new String[common.length + arguments.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(arguments, 0, all, common.length, arguments.length);
		return new SpringApplicationBuilder(LifecycleApplication.class).web(WebApplicationType.REACTIVE).run(all);
	}

	private static WebClient actuator(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return WebClient.create("http://127.0.0.1:" + port + "/actuator");
	}

	/**
	 * Returns a health document, whatever its HTTP status (503 when DOWN).
	 */
	private static JsonNode health(WebClient actuator, String path) {
		String body = actuator.get()
			.uri(path)
			.retrieve()
			.bodyToMono(String.class)
			.onErrorResume(WebClientResponseException.class,
					(ex) -> reactor.core.publisher.Mono.just(ex.getResponseBodyAsString()))
			.block(Duration.ofSeconds(10));
		return mapper.readTree(body);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class LifecycleApplication {

	}

}
