package io.github.openrouter.spring.messages.observation;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the HTTP client span of a call is a child of the {@link MessagesObserver} span.
 */
class MessagesObservationTracingTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final SimpleTracer tracer = new SimpleTracer();

	private final ObservationRegistry registry = ObservationRegistry.create();

	@Test
	void shouldMakeTheHttpClientSpanAChildOfTheMessagesSpan() {
		this.registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(this.tracer));
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(ObservationFixtures.text(ObservationFixtures.SPEC_RESPONSE))));
		WebClient webClient = WebClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.observationRegistry(this.registry)
			.build();
		MessageRequest request = ObservationFixtures.request("anthropic/claude-sonnet-4");
		Mono<MessageResponse> call = webClient.post()
			.uri("/messages")
			.bodyValue("{}")
			.retrieve()
			.bodyToMono(String.class)
			.map((body) -> ObservationFixtures.MAPPER.readValue(body, MessageResponse.class));
		MessagesObserver observer = new MessagesObserver(this.registry, null, "127.0.0.1", null);

		observer.observeCreate(request, call).block();

		assertThat(this.tracer.getSpans()).hasSize(2);
		SimpleSpan messages = span("chat anthropic/claude-sonnet-4");
		SimpleSpan http = this.tracer.getSpans()
			.stream()
			.filter((span) -> span != messages)
			.findFirst()
			.orElseThrow();
		assertThat(http.getName()).containsIgnoringCase("post");
		assertThat(http.getTraceId()).isEqualTo(messages.getTraceId());
		assertThat(http.getParentId()).isEqualTo(messages.getSpanId());
		assertThat(messages.getTags()).containsEntry("gen_ai.request.model", "anthropic/claude-sonnet-4")
			.containsEntry("gen_ai.operation.name", "chat");
	}

	private SimpleSpan span(String name) {
		return this.tracer.getSpans()
			.stream()
			.filter((span) -> name.equals(span.getName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span " + name + " in " + this.tracer.getSpans()));
	}

}
