package io.github.openrouter.spring.messages.streaming.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DefaultMessageStream}.
 */
class DefaultMessageStreamTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final StreamEventDecoder decoder = new StreamEventDecoder(MAPPER);

	@Test
	void shouldIterateEventsAndReturnTheMessageOfANonStreamingCall() throws Exception {
		MessageResponse expected = MAPPER.readValue(
				SseFixtures.read("stream-counterparts/anthropic-sdk-python/tool_use_response.json"), MessageResponse.class);
		try (DefaultMessageStream stream = new DefaultMessageStream(events("anthropic-sdk-python/tool_use_response.sse"))) {
			List<StreamEvent> seen = new ArrayList<>();
			for (StreamEvent event : stream) {
				seen.add(event);
			}
			assertThat(seen).hasSize(14).first().isInstanceOf(MessageStartEvent.class);
			assertThat(stream.iterator()).isSameAs(stream.iterator());
			assertThat(stream.finalMessage()).isEqualTo(expected);
			assertThat(stream.finalMessage()).isSameAs(stream.finalMessage());
		}
	}

	@Test
	void shouldReturnTheWholeFinalMessageEvenWhenTheDecoderKeepsNoPartialMessage() throws Exception {
		MessageResponse expected = MAPPER.readValue(
				SseFixtures.read("stream-counterparts/anthropic-sdk-python/tool_use_response.json"), MessageResponse.class);
		byte[] bytes = SseFixtures.read("anthropic-sdk-python/tool_use_response.sse");
		Flux<DataBuffer> body = Flux.fromIterable(SseFixtures.fixedChunks(bytes, 64))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		try (DefaultMessageStream stream = new DefaultMessageStream(
				new StreamEventDecoder(MAPPER, false).decode(body, null))) {
			assertThat(stream.finalMessage()).isEqualTo(expected);
		}
	}

	@Test
	void shouldReturnTheFinalMessageWithoutIterating() {
		try (DefaultMessageStream stream = new DefaultMessageStream(events("streaming-quirks/thinking-with-signature.sse"))) {
			MessageResponse message = stream.finalMessage();
			assertThat(message.text()).isEqualTo("2 + 2 = 4.");
			assertThat(stream.iterator().hasNext()).isFalse();
		}
	}

	@Test
	void shouldAccumulateEventsTakenThroughTheJavaStream() {
		try (DefaultMessageStream stream = new DefaultMessageStream(events("anthropic-sdk-python/basic_response.sse"))) {
			String text;
			try (Stream<StreamEvent> events = stream.stream()) {
				text = events.filter(ContentBlockDeltaEvent.class::isInstance)
					.map((event) -> ((TextDelta) ((ContentBlockDeltaEvent) event).delta()).text())
					.reduce("", String::concat);
			}
			assertThat(text).isEqualTo("Hello there!");
			assertThat(stream.finalMessage().text()).isEqualTo("Hello there!");
		}
	}

	@Test
	void shouldCancelTheSubscriptionWhenTheJavaStreamIsClosed() throws Exception {
		CountDownLatch cancelled = new CountDownLatch(1);
		DefaultMessageStream stream = new DefaultMessageStream(endless().doOnCancel(cancelled::countDown), 4);
		try (Stream<StreamEvent> events = stream.stream()) {
			assertThat(events.limit(10).count()).isEqualTo(10);
		}
		assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(stream.iterator().hasNext()).isFalse();
	}

	@Test
	void shouldFailFinalMessageWithTheIncompleteMessageWhenClosedEarly() throws Exception {
		CountDownLatch cancelled = new CountDownLatch(1);
		DefaultMessageStream stream = new DefaultMessageStream(endless().doOnCancel(cancelled::countDown), 4);
		for (int i = 0; i < 5; i++) {
			stream.iterator().next();
		}
		stream.close();
		assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
		assertThatExceptionOfType(IncompleteStreamException.class).isThrownBy(stream::finalMessage)
			.satisfies((ex) -> assertThat(ex.partialMessage().text()).isEqualTo("xxx"));
	}

	@Test
	void shouldThrowTheStreamErrorWithThePartialMessage() {
		try (DefaultMessageStream stream = new DefaultMessageStream(events("synthetic-openrouter/SYNTHETIC-midstream-error.sse"))) {
			assertThatExceptionOfType(OpenRouterStreamException.class).isThrownBy(stream::finalMessage)
				.satisfies((ex) -> assertThat(ex.partialMessage().text()).isEqualTo("Partial ans"));
		}
	}

	@Test
	void shouldHoldABoundedNumberOfEventsForASlowReader() {
		AtomicLong requested = new AtomicLong();
		AtomicLong produced = new AtomicLong();
		Flux<StreamEvent> source = endless().doOnRequest(requested::addAndGet).doOnNext((event) -> produced.incrementAndGet());
		try (DefaultMessageStream stream = new DefaultMessageStream(source, 8)) {
			for (int taken = 1; taken <= 1000; taken++) {
				stream.iterator().next();
				assertThat(produced.get() - taken).isLessThanOrEqualTo(8);
				assertThat(requested.get() - taken).isLessThanOrEqualTo(8);
			}
		}
	}

	private Flux<StreamEvent> events(String fixture) {
		byte[] bytes = SseFixtures.read(fixture);
		Flux<DataBuffer> body = Flux.fromIterable(SseFixtures.fixedChunks(bytes, 64))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		return this.decoder.decode(body, null);
	}

	/** A message that never ends: a start, one text block, then text deltas forever. */
	private static Flux<StreamEvent> endless() {
		MessageResponse start = MessageResponse.builder().id("msg_endless").model("m").build();
		Flux<StreamEvent> head = Flux.just(new MessageStartEvent(MessageStartEvent.TYPE, start),
				new ContentBlockStartEvent(ContentBlockStartEvent.TYPE, 0,
						TextBlock.of("")));
		Flux<StreamEvent> deltas = Flux.range(0, Integer.MAX_VALUE)
			.map((i) -> new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, 0, new TextDelta(TextDelta.TYPE, "x")));
		return head.concatWith(deltas);
	}

}
