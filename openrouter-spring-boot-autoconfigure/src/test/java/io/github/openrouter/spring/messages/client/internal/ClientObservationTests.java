package io.github.openrouter.spring.messages.client.internal;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link DefaultReactiveMessagesClient} observes its calls.
 */
class ClientObservationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private MessagesClient client() {
		return MessagesClient.builder()
			.apiKey(DefaultReactiveMessagesClientTests.API_KEY)
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/api/v1")
			.retryPolicy(RetryPolicy.none())
			.observationRegistry(this.registry)
			.build();
	}

	@Test
	void shouldObserveSuccessfulCreate() {
		wireMock.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/response-200.example.json"))));
		client().create(DefaultReactiveMessagesClientTests.hello());
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo(DefaultMessagesObservationConvention.DEFAULT_NAME)
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasContextualNameEqualTo("chat anthropic/claude-sonnet-4");
	}

	@Test
	void shouldObserveFailedCreateOnce() {
		wireMock.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(429)
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/error-429.example.json"))));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> client().create(DefaultReactiveMessagesClientTests.hello()));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo(DefaultMessagesObservationConvention.DEFAULT_NAME, 1)
			.hasObservationWithNameEqualTo(DefaultMessagesObservationConvention.DEFAULT_NAME)
			.that()
			.hasBeenStopped()
			.assertThatError()
			.isInstanceOf(RateLimitException.class);
		assertThat(this.registry.getCurrentObservation()).isNull();
	}

}
