package io.github.openrouter.spring.messages.observation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the observation of {@link MessagesClient} calls, over HTTP to WireMock.
 */
class MessagesClientObservationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final ObservationRegistry observationRegistry = ObservationRegistry.create();

	private final List<MessagesObservationContext> stopped = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.observationRegistry.observationConfig()
			.observationHandler(new MessagesMeterObservationHandler(this.meterRegistry))
			.observationHandler(ObservationFixtures.collectStopped(this.stopped));
	}

	@Test
	void shouldRecordTheUsageOfTheServedFixtureExactly() {
		String body = ObservationFixtures.text(ObservationFixtures.FULL_USAGE_RESPONSE);
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.FULL_USAGE_RESPONSE);
		JsonNode usage = fixture.get("usage");
		String requested = fixture.at("/openrouter_metadata/requested").asString();
		stubMessages(200, body);

		MessageResponse response = client().create(ObservationFixtures.request(requested));

		assertThat(response.model()).isEqualTo(fixture.get("model").asString());
		assertThat(this.stopped).singleElement().satisfies((context) -> {
			assertThat(context.getOutcome()).isEqualTo(MessagesObservationContext.Outcome.SUCCESS);
			assertThat(context.getServerAddress()).isEqualTo(URI.create(wireMock.baseUrl()).getHost());
		});
		ObservationFixtures.assertTokenMeters(this.meterRegistry, usage, usage);
		assertThat(this.meterRegistry.get(OPERATIONS).counter().getId().getTag(PROVIDER))
			.isEqualTo(fixture.get("provider").asString());
		assertThat(this.meterRegistry.get(FALLBACKS).counter().count()).isEqualTo(1.0);
		assertThat(this.meterRegistry.get(ROUTING_ATTEMPTS).summary().totalAmount())
			.isEqualTo(fixture.at("/openrouter_metadata/attempt").asLong());
		assertThat(this.meterRegistry.get(OPERATION_DURATION).timer().getId().getTag("server.address"))
			.isEqualTo(URI.create(wireMock.baseUrl()).getHost());
	}

	@Test
	void shouldRecordAnApiErrorOnceWithItsErrorType() {
		String body = ObservationFixtures.text("fixtures/openrouter-spec/error-429.example.json");
		String errorType = ObservationFixtures.MAPPER.readTree(body).at("/error/type").asString();
		stubMessages(429, body);

		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> client().create(ObservationFixtures.request("anthropic/claude-sonnet-4")));

		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getOutcome())
				.isEqualTo(MessagesObservationContext.Outcome.ERROR));
		assertThat(this.meterRegistry.get(OPERATIONS).counter().getId().getTag("error.type")).isEqualTo(errorType);
		assertThat(this.meterRegistry.get(OPERATION_DURATION).timer().getId().getTag("outcome")).isEqualTo("error");
		assertThat(this.meterRegistry.find(TOKEN_USAGE).meters()).isEmpty();
	}

	@Test
	void shouldUseTheClientsDefaultModelAsTheRequestedModel() {
		stubMessages(200, ObservationFixtures.text(ObservationFixtures.SPEC_RESPONSE));
		MessagesClient client = MessagesClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.apiKey("test-key")
			.defaultModel("anthropic/claude-sonnet-4")
			.observationRegistry(this.observationRegistry)
			.build();

		client.create(MessageRequest.builder()
			.addUserMessage(ObservationFixtures.PROMPT)
			.build());

		assertThat(this.meterRegistry.get(OPERATIONS).counter().getId().getTag("gen_ai.request.model"))
			.isEqualTo("anthropic/claude-sonnet-4");
	}

	@Test
	void shouldUseTheBuildersConvention() {
		stubMessages(200, ObservationFixtures.text(ObservationFixtures.SPEC_RESPONSE));
		MessagesClient client = MessagesClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.apiKey("test-key")
			.observationRegistry(this.observationRegistry)
			.observationConvention(new DefaultMessagesObservationConvention() {
				@Override
				public KeyValues getLowCardinalityKeyValues(MessagesObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "search");
				}
			})
			.build();

		client.create(ObservationFixtures.request("anthropic/claude-sonnet-4"));

		assertThat(this.meterRegistry.get(OPERATION_DURATION).timer().getId().getTag("team")).isEqualTo("search");
	}

	@Test
	void shouldMakeTheHttpClientSpanAChildOfTheMessagesSpan() {
		SimpleTracer tracer = new SimpleTracer();
		this.observationRegistry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
		stubMessages(200, ObservationFixtures.text(ObservationFixtures.SPEC_RESPONSE));
		MessagesClient client = MessagesClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.apiKey("test-key")
			.observationRegistry(this.observationRegistry)
			// The HTTP client span is WebClient's, which records http.client.requests with this convention
			.clientRequestObservationConvention(new DefaultClientRequestObservationConvention())
			.build();

		client.create(ObservationFixtures.request("anthropic/claude-sonnet-4"));

		assertThat(tracer.getSpans()).hasSize(2);
		SimpleSpan messages = tracer.getSpans()
			.stream()
			.filter((span) -> "chat anthropic/claude-sonnet-4".equals(span.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No messages span in " + tracer.getSpans()));
		SimpleSpan http = tracer.getSpans().stream().filter((span) -> span != messages).findFirst().orElseThrow();
		assertThat(http.getName()).containsIgnoringCase("post");
		assertThat(http.getTraceId()).isEqualTo(messages.getTraceId());
		assertThat(http.getParentId()).isEqualTo(messages.getSpanId());
		assertThat(messages.getTags()).containsEntry("gen_ai.response.model", "anthropic/claude-sonnet-4")
			.doesNotContainValue(ObservationFixtures.PROMPT)
			.doesNotContainValue("test-key");
		assertThat(http.getTags()).doesNotContainValue("test-key");
	}

	private MessagesClient client() {
		return MessagesClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.apiKey("test-key")
			.retryPolicy(RetryPolicy.none())
			.routingMetadata(true)
			.observationRegistry(this.observationRegistry)
			.build();
	}

	private static void stubMessages(int status, String body) {
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(
				aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

}
