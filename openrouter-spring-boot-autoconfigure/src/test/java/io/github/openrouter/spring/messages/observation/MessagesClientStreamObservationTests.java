package io.github.openrouter.spring.messages.observation;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the observation of streaming {@link MessagesClient} calls, over HTTP to WireMock.
 */
class MessagesClientStreamObservationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final ObservationRegistry observationRegistry = ObservationRegistry.create();

	private final List<MessagesObservationContext> stopped = new ArrayList<>();

	private MessagesClient client;

	@BeforeEach
	void setUp() {
		this.observationRegistry.observationConfig()
			.observationHandler(new MessagesMeterObservationHandler(this.meterRegistry))
			.observationHandler(ObservationFixtures.collectStopped(this.stopped));
		this.client = MessagesClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.none())
			.routingMetadata(true)
			.observationRegistry(this.observationRegistry)
			.build();
	}

	@Test
	void shouldRecordACompletedStreamOnceWithTheUsageOfTheServedFixture() {
		List<JsonNode> data = ObservationFixtures.sseData(ObservationFixtures.FULL_USAGE_STREAM);
		JsonNode startUsage = data.get(0).at("/message/usage");
		JsonNode deltaUsage = data.stream()
			.filter((event) -> "message_delta".equals(event.path("type").asString()))
			.reduce((first, second) -> second)
			.orElseThrow()
			.get("usage");
		JsonNode routing = data.get(data.size() - 1).get("openrouter_metadata");
		stubStream(ObservationFixtures.FULL_USAGE_STREAM);

		MessageResponse message;
		try (MessageStream stream = this.client
			.stream(ObservationFixtures.request(routing.get("requested").asString()))) {
			message = stream.finalMessage();
		}

		assertThat(message.usage().outputTokens()).isEqualTo(deltaUsage.get("output_tokens").asInt());
		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context.isStreaming()).isTrue();
			assertThat(context.getOutcome()).isEqualTo(MessagesObservationContext.Outcome.SUCCESS);
		});
		ObservationFixtures.assertTokenMeters(this.meterRegistry, startUsage, deltaUsage);
		assertThat(this.meterRegistry.get(ROUTING_ATTEMPTS).summary().totalAmount())
			.isEqualTo(routing.get("attempt").asLong());
		assertThat(this.meterRegistry.get(FALLBACKS).counter().count()).isEqualTo(1.0);
		assertThat(this.meterRegistry.get(TIME_TO_FIRST_CHUNK).timer().count()).isEqualTo(1);
		assertThat(this.meterRegistry.get(OPERATIONS).tag("outcome", "success").counter().count()).isEqualTo(1.0);
	}

	@Test
	void shouldRecordAStreamThatEndsWithAnErrorEventOnce() {
		List<JsonNode> data = ObservationFixtures.sseData(ObservationFixtures.MIDSTREAM_ERROR_STREAM);
		JsonNode error = data.get(data.size() - 1).get("error");
		stubStream(ObservationFixtures.MIDSTREAM_ERROR_STREAM);

		StepVerifier.create(this.client.reactive()
			.stream(ObservationFixtures.request(data.get(0).at("/message/model").asString())))
			.thenConsumeWhile((event) -> true)
			.verifyError(OpenRouterStreamException.class);

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.ERROR));
		assertThat(this.meterRegistry.get(OPERATIONS).counter().getId().getTag("error.type"))
			.isEqualTo(error.get("type").asString());
		assertThat(this.meterRegistry.get(TOKEN_USAGE).tag(TOKEN_TYPE, "input").summary().totalAmount())
			.isEqualTo(data.get(0).at("/message/usage/input_tokens").asLong());
	}

	@Test
	void shouldRecordAStreamCancelledAfterItsFirstEventOnce() {
		stubStream(ObservationFixtures.FULL_USAGE_STREAM);

		List<StreamEvent> first = this.client.reactive()
			.stream(ObservationFixtures.request("anthropic/claude-sonnet-4"))
			.take(1)
			.collectList()
			.block();

		assertThat(first).hasSize(1);
		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.CANCELLED));
		assertThat(this.meterRegistry.find(OPERATIONS).counters()).singleElement()
			.satisfies((counter) -> assertThat(counter.getId().getTag("outcome")).isEqualTo("cancelled"));
	}

	@Test
	void shouldRecordABlockingStreamClosedEarlyOnceAsCancelled() {
		// The server sends the body in 10 chunks over 10 s; the first event arrives long before the last.
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(ObservationFixtures.text(ObservationFixtures.FULL_USAGE_STREAM))
			.withChunkedDribbleDelay(10, 10_000)));

		try (MessageStream stream = this.client.stream(ObservationFixtures.request("anthropic/claude-sonnet-4"))) {
			assertThat(stream.iterator().next()).isNotNull();
		}

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.CANCELLED));
		assertThat(this.meterRegistry.find(OPERATIONS).counters()).singleElement()
			.satisfies((counter) -> assertThat(counter.count()).isEqualTo(1.0));
	}

	@Test
	void shouldFailTheBlockingStreamWithTheErrorEvent() {
		stubStream(ObservationFixtures.MIDSTREAM_ERROR_STREAM);

		assertThatExceptionOfType(OpenRouterStreamException.class).isThrownBy(() -> {
			try (MessageStream stream = this.client.stream(ObservationFixtures.request("anthropic/claude-sonnet-4"))) {
				stream.finalMessage();
			}
		});

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.ERROR));
	}

	private static void stubStream(String fixture) {
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(ObservationFixtures.text(fixture))));
	}

}
