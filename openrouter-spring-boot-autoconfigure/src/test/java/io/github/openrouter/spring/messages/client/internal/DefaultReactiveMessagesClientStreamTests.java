package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the streaming calls of {@link DefaultReactiveMessagesClient} against WireMock.
 */
class DefaultReactiveMessagesClientStreamTests {

	private static final String PATH = "/api/v1/messages";

	private static final String QUIRKS = DefaultReactiveMessagesClientTests
		.fixture("synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse");

	@RegisterExtension
	static WireMockExtension wireMock = DefaultReactiveMessagesClientTests.loopbackWireMock();

	private static MessagesClientBuilder builder() {
		return DefaultReactiveMessagesClientTests.builderFor(wireMock);
	}

	private static void stubStream(String body) {
		wireMock.stubFor(post(PATH).willReturn(sse(body)));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withHeader("X-Generation-Id", "gen-stream-1")
			.withBody(body);
	}

	@Test
	void shouldStreamEventsAndSendStreamTrue() {
		stubStream(QUIRKS);
		List<StreamEvent> events = builder().buildReactive()
			.stream(DefaultReactiveMessagesClientTests.hello())
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).first().isInstanceOf(MessageStartEvent.class);
		assertThat(events).last().isInstanceOf(MessageStopEvent.class);
		assertThat(((MessageStartEvent) events.get(0)).message().generationId()).isEqualTo("gen-stream-1");
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Accept", equalTo("text/event-stream"))
			.withHeader("Authorization", equalTo("Bearer " + DefaultReactiveMessagesClientTests.API_KEY))
			.withRequestBody(equalToJson("{\"model\":\"anthropic/claude-sonnet-4\",\"max_tokens\":1024,\"stream\":true,"
					+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void streamsShouldCompleteAtMessageStopAndReuseTheirConnection(boolean chunked) {
		wireMock.stubFor(post(PATH).willReturn(chunked ? sse(QUIRKS).withChunkedDribbleDelay(2, 50) : sse(QUIRKS)));
		AtomicInteger connections = new AtomicInteger();
		AtomicReference<ConnectionPoolMetrics> metrics = new AtomicReference<>();
		ConnectionProvider pool = ConnectionProvider.builder("stream-reuse")
			.maxConnections(4)
			.metrics(true, () -> (name, id, address, poolMetrics) -> metrics.set(poolMetrics))
			.build();
		try {
			HttpClient http = HttpClient.create(pool)
				.doOnChannelInit((observer, channel, address) -> connections.incrementAndGet());
			ReactiveMessagesClient client = builder().clientConnector(new ReactorClientHttpConnector(http))
				.buildReactive();
			for (int i = 0; i < 3; i++) {
				List<StreamEvent> events = client.stream(DefaultReactiveMessagesClientTests.hello())
					.collectList()
					.block(Duration.ofSeconds(30));
				assertThat(events).last().isInstanceOf(MessageStopEvent.class);
				// the rest of the body (its terminating chunk) is read after the stream completed
				await().atMost(Duration.ofSeconds(10)).until(() -> metrics.get().acquiredSize() == 0);
			}
			assertThat(connections).as("connections opened for three streams in turn").hasValue(1);
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void shouldStreamTextOnly() {
		stubStream(QUIRKS);
		List<String> text = builder().buildReactive()
			.streamText(DefaultReactiveMessagesClientTests.hello())
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(text).containsExactly("Hello", "! How can I help?");
	}

	@Test
	void blockingStreamShouldAccumulateFinalMessage() {
		stubStream(QUIRKS);
		try (MessageStream stream = builder().build().stream(DefaultReactiveMessagesClientTests.hello())) {
			MessageResponse message = stream.finalMessage();
			assertThat(message.text()).isEqualTo("Hello! How can I help?");
			assertThat(message.generationId()).isEqualTo("gen-stream-1");
		}
	}

	@Test
	void shouldMapPreStreamErrorStatus() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", "2")
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/error-429.example.json"))));
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> builder().buildReactive().stream(DefaultReactiveMessagesClientTests.hello()).blockLast())
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(2)));
	}

	@Test
	void shouldEndWithStreamExceptionOnErrorEvent() {
		stubStream(DefaultReactiveMessagesClientTests.fixture("synthetic-openrouter/SYNTHETIC-midstream-error.sse"));
		assertThatExceptionOfType(OpenRouterStreamException.class)
			.isThrownBy(() -> builder().buildReactive().stream(DefaultReactiveMessagesClientTests.hello()).blockLast())
			.satisfies((ex) -> {
				assertThat(ex.errorType()).isEqualTo("overloaded_error");
				assertThat(ex.openRouterErrorType()).isEqualTo("provider_overloaded");
				assertThat(ex.partialMessage()).isNotNull();
				assertThat(ex.partialMessage().text()).isEqualTo("Partial ans");
			});
	}

	@Test
	void shouldRetryStreamThatFailsBeforeFirstEvent() {
		wireMock.stubFor(post(PATH).inScenario("stream-retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(529)
				.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/error-529.example.json")))
			.willSetStateTo("ok"));
		wireMock.stubFor(post(PATH).inScenario("stream-retry").whenScenarioStateIs("ok").willReturn(sse(QUIRKS)));
		List<StreamEvent> events = builder().retryPolicy(DefaultReactiveMessagesClientTests.fastRetries(3))
			.buildReactive()
			.stream(DefaultReactiveMessagesClientTests.hello())
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).last().isInstanceOf(MessageStopEvent.class);
		wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldNotRetryStreamAfterContentWasDelivered() {
		stubStream(DefaultReactiveMessagesClientTests.fixture("synthetic-openrouter/SYNTHETIC-midstream-error.sse"));
		assertThatExceptionOfType(OpenRouterStreamException.class).isThrownBy(() -> builder()
			.retryPolicy(DefaultReactiveMessagesClientTests.fastRetries(3))
			.buildReactive()
			.stream(DefaultReactiveMessagesClientTests.hello())
			.blockLast());
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldTripStreamIdleTimeoutWhenStreamStalls() {
		wireMock.stubFor(post(PATH).willReturn(sse(QUIRKS).withChunkedDribbleDelay(3, 3000)));
		MessagesClient client = builder().timeouts(new ClientTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
				Duration.ofMillis(300), Duration.ofSeconds(30)))
			.build();
		assertThatExceptionOfType(OpenRouterTimeoutException.class)
			.isThrownBy(() -> client.reactive().stream(DefaultReactiveMessagesClientTests.hello()).blockLast())
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.STREAM_IDLE));
	}

	@Test
	void keepAliveCommentsShouldPreventFalseIdleTimeout() {
		// 40 chunks every 50 ms: the first ~30 (about 1.5 s, longer than the 1 s idle timeout)
		// carry only keep-alive comments, then the events follow
		String keepAlives = ": OPENROUTER PROCESSING\n\n".repeat(200);
		String body = keepAlives + QUIRKS;
		wireMock.stubFor(post(PATH).willReturn(sse(body).withChunkedDribbleDelay(40, 2000)));
		MessagesClient client = builder().timeouts(new ClientTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
				Duration.ofMillis(1000), Duration.ofSeconds(30)))
			.build();
		List<StreamEvent> events = client.reactive()
			.stream(DefaultReactiveMessagesClientTests.hello())
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).last().isInstanceOf(MessageStopEvent.class);
	}

	@Test
	void shouldNotCutAStreamAtItsTotalLimitOnceItsFirstEventCame() {
		// 6 chunks over 1.5 s: message_start is whole in the second (~0.25 s), the end comes after ~1.25 s
		wireMock.stubFor(post(PATH).willReturn(sse(QUIRKS).withChunkedDribbleDelay(6, 1500)));
		MessagesClient client = builder().timeouts(new ClientTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
				Duration.ofSeconds(5), Duration.ofMillis(900)))
			.build();
		List<StreamEvent> events = client.reactive()
			.stream(DefaultReactiveMessagesClientTests.hello())
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).first().isInstanceOf(MessageStartEvent.class);
		assertThat(events).last().isInstanceOf(MessageStopEvent.class);
	}

	@Test
	void shouldTripTotalTimeoutOfStream() {
		wireMock.stubFor(post(PATH).willReturn(sse(QUIRKS).withChunkedDribbleDelay(20, 5000)));
		MessagesClient client = builder().timeouts(new ClientTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
				Duration.ofSeconds(5), Duration.ofMillis(600)))
			.build();
		assertThatExceptionOfType(OpenRouterTimeoutException.class)
			.isThrownBy(() -> client.reactive().stream(DefaultReactiveMessagesClientTests.hello()).blockLast())
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.TOTAL));
	}

}
