package io.github.openrouter.spring.messages.streaming.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of streaming through {@link MessagesClient} over a real loopback
 * connection: incremental delivery, cancellation closing the connection, and threads.
 */
class StreamingEndToEndTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final int SERVER_WAIT_MILLIS = 10_000;

	private final AtomicReference<ConnectionPoolMetrics> pool = new AtomicReference<>();

	private ScriptedSseServer server;

	private ConnectionProvider connectionProvider;

	private MessagesClient client;

	@BeforeEach
	void startServerAndClient() throws Exception {
		this.server = new ScriptedSseServer();
		this.connectionProvider = ConnectionProvider.builder("streaming-e2e")
			.maxConnections(4)
			.metrics(true, () -> (poolName, id, remoteAddress, metrics) -> this.pool.set(metrics))
			.build();
		this.client = MessagesClient.builder()
			.apiKey("sk-or-v1-streaming-e2e-test")
			.baseUrl(this.server.baseUrl())
			.retryPolicy(RetryPolicy.none())
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connectionProvider)))
			.build();
	}

	@AfterEach
	void stop() throws Exception {
		this.server.close();
		this.connectionProvider.dispose();
	}

	@Test
	void shouldDeliverTheFirstEventBeforeTheServerSendsTheRest() throws Exception {
		byte[] body = SseFixtures.read("anthropic-sdk-python/tool_use_response.sse");
		int head = indexOf(body, "event: content_block_start");
		CountDownLatch firstEventReceived = new CountDownLatch(1);
		AtomicBoolean heldBackUntilFirstEvent = new AtomicBoolean();
		CompletableFuture<Void> served = this.server.serveNext((exchange) -> {
			exchange.send(slice(body, 0, head));
			heldBackUntilFirstEvent.set(firstEventReceived.await(SERVER_WAIT_MILLIS, TimeUnit.MILLISECONDS));
			exchange.send(slice(body, head, body.length));
			exchange.end();
		});
		List<StreamEvent> events = this.client.reactive()
			.stream(request())
			.doOnNext((event) -> firstEventReceived.countDown())
			.collectList()
			.block(Duration.ofSeconds(30));
		served.get(30, TimeUnit.SECONDS);
		assertThat(heldBackUntilFirstEvent).as("first event arrived while the server held the rest back").isTrue();
		assertThat(events).hasSize(14).first().isInstanceOf(MessageStartEvent.class);
		MessageResponse expected = MAPPER.readValue(
				SseFixtures.read("stream-counterparts/anthropic-sdk-python/tool_use_response.json"), MessageResponse.class);
		assertThat(MessageAccumulator.accumulate(reactor.core.publisher.Flux.fromIterable(events)).block())
			.isEqualTo(expected.withGenerationId("gen-scripted"));
	}

	@Test
	void shouldHandTheEventsOfEachChunkToABlockingReaderBeforeTheServerSendsTheNext() throws Exception {
		byte[] body = SseFixtures.read("anthropic-sdk-python/tool_use_response.sse");
		int head = indexOf(body, "event: ping");
		CountDownLatch secondEventTaken = new CountDownLatch(1);
		AtomicBoolean heldBackUntilTaken = new AtomicBoolean();
		CompletableFuture<Void> served = this.server.serveNext((exchange) -> {
			exchange.send(slice(body, 0, head));
			heldBackUntilTaken.set(secondEventTaken.await(SERVER_WAIT_MILLIS, TimeUnit.MILLISECONDS));
			exchange.send(slice(body, head, body.length));
			exchange.end();
		});
		try (MessageStream stream = this.client.stream(request())) {
			Iterator<StreamEvent> events = stream.iterator();
			assertThat(events.next()).isInstanceOf(MessageStartEvent.class);
			assertThat(events.next()).isInstanceOf(ContentBlockStartEvent.class);
			secondEventTaken.countDown();
			assertThat(stream.finalMessage().content()).hasSize(2);
		}
		served.get(30, TimeUnit.SECONDS);
		assertThat(heldBackUntilTaken).as("the reader got the first chunk's events while the server held the rest back")
			.isTrue();
	}

	@Test
	void shouldCloseTheConnectionWhenTheSubscriptionIsCancelled() throws Exception {
		CompletableFuture<Boolean> closedByClient = new CompletableFuture<>();
		this.server.serveNext((exchange) -> {
			exchange.send(headOf("anthropic-sdk-python/tool_use_response.sse"));
			closedByClient.complete(exchange.awaitClientClose(SERVER_WAIT_MILLIS));
		});
		List<StreamEvent> firstTwo = this.client.reactive().stream(request()).take(2).collectList()
			.block(Duration.ofSeconds(30));
		assertThat(firstTwo).hasSize(2).last().isInstanceOf(ContentBlockStartEvent.class);
		assertThat(closedByClient.get(30, TimeUnit.SECONDS)).as("server saw the connection closed").isTrue();
		assertPoolHasNoActiveConnection();
	}

	@Test
	void shouldCloseTheConnectionWhenAMessageStreamIsClosedEarly() throws Exception {
		CompletableFuture<Boolean> closedByClient = new CompletableFuture<>();
		this.server.serveNext((exchange) -> {
			exchange.send(headOf("anthropic-sdk-python/tool_use_response.sse"));
			closedByClient.complete(exchange.awaitClientClose(SERVER_WAIT_MILLIS));
		});
		try (MessageStream stream = this.client.stream(request())) {
			Iterator<StreamEvent> events = stream.iterator();
			assertThat(events.next()).isInstanceOf(MessageStartEvent.class);
			assertThat(events.next()).isInstanceOf(ContentBlockStartEvent.class);
		}
		assertThat(closedByClient.get(30, TimeUnit.SECONDS)).as("server saw the connection closed").isTrue();
		assertPoolHasNoActiveConnection();
	}

	@Test
	void shouldReturnTheConnectionToThePoolAfterACompleteStream() throws Exception {
		byte[] body = SseFixtures.read("synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse");
		CompletableFuture<Void> served = this.server.serveNext((exchange) -> {
			for (byte[] chunk : SseFixtures.fixedChunks(body, 97)) {
				exchange.send(chunk);
			}
			exchange.end();
		});
		try (MessageStream stream = this.client.stream(request())) {
			assertThat(stream.finalMessage().text()).isEqualTo("Hello! How can I help?");
			assertThat(stream.finalMessage().generationId()).isEqualTo("gen-scripted");
		}
		served.get(30, TimeUnit.SECONDS);
		assertPoolHasNoActiveConnection();
	}

	@Test
	void shouldDeliverEventsOnReactorThreadsAndNeverBlockThem() throws Exception {
		byte[] body = SseFixtures.read("anthropic-sdk-python/basic_response.sse");
		this.server.serveNext((exchange) -> {
			exchange.send(body);
			exchange.end();
		});
		List<Boolean> onNonBlockingThread = new ArrayList<>();
		this.client.reactive()
			.stream(request())
			.doOnNext((event) -> onNonBlockingThread.add(Schedulers.isInNonBlockingThread()))
			.blockLast(Duration.ofSeconds(30));
		assertThat(onNonBlockingThread).hasSize(8).containsOnly(true);
		assertThatIllegalStateException()
			.isThrownBy(() -> Mono.fromCallable(() -> this.client.stream(request()))
				.subscribeOn(Schedulers.parallel())
				.block(Duration.ofSeconds(30)))
			.withMessageContaining("non-blocking");
	}

	@Test
	void shouldCompleteAtMessageStopWhileTheServerHoldsTheBodyOpen() throws Exception {
		byte[] body = SseFixtures.read("anthropic-sdk-python/tool_use_response.sse");
		CountDownLatch clientDone = new CountDownLatch(1);
		AtomicBoolean heldOpenUntilClientDone = new AtomicBoolean();
		CompletableFuture<Void> served = this.server.serveNext((exchange) -> {
			// the fixture's last event lacks its blank line, which ends it as the server sends it
			exchange.send(body);
			exchange.send("\n\n".getBytes(StandardCharsets.US_ASCII));
			// a proxy keeping the chunked body open after message_stop
			heldOpenUntilClientDone.set(clientDone.await(SERVER_WAIT_MILLIS, TimeUnit.MILLISECONDS));
		});
		List<StreamEvent> events = this.client.reactive()
			.stream(request())
			.doFinally((signal) -> clientDone.countDown())
			.collectList()
			.block(Duration.ofSeconds(30));
		served.get(30, TimeUnit.SECONDS);
		assertThat(heldOpenUntilClientDone).as("the stream ended while the server still held the body open").isTrue();
		assertThat(events).hasSize(14).last().isInstanceOf(MessageStopEvent.class);
		assertPoolHasNoActiveConnection();
	}

	@Test
	void shouldNotTimeOutAReaderThatPausesLongerThanTheIdleLimitWhileTheServerKeepsSending() throws Exception {
		Duration idle = Duration.ofMillis(300);
		MessagesClient client = MessagesClient.builder()
			.apiKey("sk-or-v1-streaming-e2e-test")
			.baseUrl(this.server.baseUrl())
			.retryPolicy(RetryPolicy.none())
			.timeouts(new ClientTimeouts(Duration.ofSeconds(5), null, idle, Duration.ofSeconds(30)))
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connectionProvider)))
			.build();
		byte[] body = manyDeltas(500);
		CountDownLatch readerPaused = new CountDownLatch(1);
		CountDownLatch pauseOver = new CountDownLatch(1);
		CompletableFuture<Void> served = this.server.serveNext((exchange) -> {
			exchange.send(body);
			// the reader's pause (an application running a tool): several idle limits long
			readerPaused.await(SERVER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
			Thread.sleep(idle.multipliedBy(4).toMillis());
			pauseOver.countDown();
			exchange.end();
		});
		int taken = 0;
		try (MessageStream stream = client.stream(request())) {
			Iterator<StreamEvent> events = stream.iterator();
			events.next();
			taken++;
			readerPaused.countDown();
			assertThat(pauseOver.await(SERVER_WAIT_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
			while (events.hasNext()) {
				events.next();
				taken++;
			}
			assertThat(stream.finalMessage().text()).hasSize(500);
		}
		served.get(30, TimeUnit.SECONDS);
		assertThat(taken).isEqualTo(505);
	}

	/** A text stream of {@code count} one-letter deltas. */
	private static byte[] manyDeltas(int count) {
		StringBuilder sse = new StringBuilder();
		sse.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",")
			.append("\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],")
			.append("\"stop_reason\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}}\n\n");
		sse.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,")
			.append("\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
		for (int i = 0; i < count; i++) {
			sse.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,")
				.append("\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}\n\n");
		}
		sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
		sse.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":")
			.append("\"end_turn\"},\"usage\":{\"output_tokens\":500}}\n\n");
		sse.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
		return sse.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void assertPoolHasNoActiveConnection() {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			ConnectionPoolMetrics metrics = this.pool.get();
			assertThat(metrics).as("pool metrics registered").isNotNull();
			assertThat(metrics.acquiredSize()).as("active connections").isZero();
		});
	}

	private static MessageRequest request() {
		return MessageRequest.builder().model("anthropic/claude-sonnet-4").maxTokens(256).addUserMessage("Hi").build();
	}

	private static byte[] headOf(String fixture) {
		byte[] body = SseFixtures.read(fixture);
		return slice(body, 0, indexOf(body, "event: ping"));
	}

	private static int indexOf(byte[] body, String text) {
		int index = new String(body, StandardCharsets.ISO_8859_1).indexOf(text);
		assertThat(index).as(text).isPositive();
		return index;
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		return SseFixtures.slice(bytes, from, to);
	}

}
