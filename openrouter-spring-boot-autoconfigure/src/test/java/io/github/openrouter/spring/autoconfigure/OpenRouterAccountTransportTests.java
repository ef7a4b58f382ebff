package io.github.openrouter.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openrouter.spring.account.AccountClient;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.ServerException;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.web.reactive.function.client.ClientRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that the account calls of {@link OpenRouterAccountAutoConfiguration} go through the same
 * transport as the messages calls: Boot's {@code WebClient} customizers, the client's own
 * customizers and settings, {@code http.client.requests}, the retry policy and the time limits.
 */
class OpenRouterAccountTransportTests {

	private static final String API_KEY = "sk-or-v1-account-transport-test-0123456789";

	private static final String MANAGEMENT_KEY = "management-transport-test-key-0123456789";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	// no background refresh: the tests count the calls they make
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, OpenRouterAutoConfiguration.class,
				OpenRouterAccountAutoConfiguration.class))
		.withPropertyValues("openrouter.api-key=" + API_KEY, "openrouter.account.enabled=false",
				"openrouter.base-url=http://127.0.0.1:" + wireMock.getPort() + "/api/v1");

	@Test
	void shouldSendAccountCallsWithTheCustomizationsOfTheMessagesClient() {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson(AccountAnswers.key("seen", null, null, "1", null))));
		wireMock.stubFor(get("/api/v1/credits").willReturn(okJson(AccountAnswers.credits("10", "4"))));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebClientObservationAutoConfiguration.class))
			.withPropertyValues("openrouter.account.management-key=" + MANAGEMENT_KEY, "openrouter.app.title=Account Test")
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean("filterCustomizer", WebClientCustomizer.class,
					() -> (builder) -> builder.filter((request, next) -> next
						.exchange(ClientRequest.from(request).header("X-From-Filter", "yes").build())))
			.withBean("headerCustomizer", WebClientCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-From-WebClient-Customizer", "yes"))
			.withBean(MessagesClientBuilderCustomizer.class,
					() -> (builder) -> builder.defaultHeader("X-From-Customizer", "yes"))
			.run((context) -> {
				AccountClient account = context.getBean(AccountClient.class);

				assertThat(account.key().label()).isEqualTo("seen");
				assertThat(account.credits().remaining()).isEqualByComparingTo("6");

				for (String call : new String[] { "key", "credits" }) {
					wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/" + call))
						.withHeader("X-From-Filter", equalTo("yes"))
						.withHeader("X-From-WebClient-Customizer", equalTo("yes"))
						.withHeader("X-From-Customizer", equalTo("yes"))
						.withHeader("X-OpenRouter-Title", equalTo("Account Test"))
						.withHeader("Authorization",
								equalTo("Bearer " + (call.equals("key") ? API_KEY : MANAGEMENT_KEY))));
				}
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 2)
					.forAllObservationsWithNameEqualTo("http.client.requests",
							(observation) -> observation.hasLowCardinalityKeyValue("method", "GET")
								.hasLowCardinalityKeyValue("status", "200"));
			});
	}

	@Test
	void shouldRetryAnAccountCallByTheRetryPolicy() {
		wireMock.stubFor(get("/api/v1/key").inScenario("unavailable")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":503,\"message\":\"Service Unavailable\"}}"))
			.willSetStateTo("back"));
		wireMock.stubFor(get("/api/v1/key").inScenario("unavailable")
			.whenScenarioStateIs("back")
			.willReturn(okJson(AccountAnswers.key("retried", null, null, "1", null))));
		this.contextRunner.withPropertyValues("openrouter.retry.initial-backoff=1ms", "openrouter.retry.jitter=0")
			.run((context) -> assertThat(context.getBean(AccountClient.class).key().label()).isEqualTo("retried"));
		wireMock.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/key")));

		wireMock.resetRequests();
		wireMock.resetScenarios();
		this.contextRunner.withPropertyValues("openrouter.retry.max-attempts=1")
			.run((context) -> assertThatExceptionOfType(ServerException.class)
				.isThrownBy(() -> context.getBean(AccountClient.class).key()));
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/key")));
	}

	@Test
	void shouldEndAnAccountCallPastTheTotalTimeoutWithTheTimeoutException() {
		wireMock.stubFor(get("/api/v1/key")
			.willReturn(okJson(AccountAnswers.key("late", null, null, "1", null)).withFixedDelay(5_000)));
		this.contextRunner.withPropertyValues("openrouter.timeouts.total=200ms", "openrouter.retry.max-attempts=1")
			.run((context) -> assertThatExceptionOfType(OpenRouterTimeoutException.class)
				.isThrownBy(() -> context.getBean(AccountClient.class).key())
				.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.TOTAL)));
	}

}
