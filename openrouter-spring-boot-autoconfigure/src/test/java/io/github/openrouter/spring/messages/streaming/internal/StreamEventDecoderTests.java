package io.github.openrouter.spring.messages.streaming.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStopEvent;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferWrapper;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.core.io.buffer.PooledDataBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.context.Context;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamEventDecoder}.
 */
class StreamEventDecoderTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	/** Fixture folders whose every complete stream has a counterpart in stream-counterparts. */
	private static final List<String> OWN_FOLDERS = List.of("anthropic-sdk-python/", "synthetic-openrouter/",
			"streaming-quirks/");

	private final StreamEventDecoder decoder = new StreamEventDecoder(MAPPER);

	static List<Path> fixtures() {
		return SseFixtures.sseFiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldDecodeTheSameEventsAndOutcomeWhateverTheChunking(Path file) {
		byte[] bytes = SseFixtures.read(file);
		Outcome expected = decode(List.of(bytes));
		assertThat(expected.events).doesNotHaveAnyElementsOfTypes(PingEvent.class);
		Random random = new Random(7L);
		for (int round = 0; round < 10; round++) {
			assertThat(decode(SseFixtures.randomChunks(bytes, random, 32))).as("round %d", round).isEqualTo(expected);
		}
		for (int offset = 0; offset <= bytes.length; offset += Math.max(1, bytes.length / 41)) {
			assertThat(decode(SseFixtures.splitAt(bytes, offset))).as("split at %d", offset).isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldAccumulateEveryCompleteStreamToItsNonStreamingCounterpart(Path file) throws Exception {
		String name = SseFixtures.name(file);
		Path counterpart = counterpart(name);
		Outcome outcome = decode(SseFixtures.fixedChunks(SseFixtures.read(file), 13));
		if (!Files.exists(counterpart)) {
			if (OWN_FOLDERS.stream().anyMatch(name::startsWith)) {
				assertThat(outcome.error).as("%s has no counterpart, so it must end with an error", name).isNotNull();
			}
			if (outcome.error != null) {
				assertThat(outcome.error).isInstanceOf(OpenRouterException.class);
			}
			else {
				assertThat(MessageAccumulator.accumulate(Flux.fromIterable(outcome.events)).block().content()).isNotNull();
			}
			return;
		}
		assertThat(outcome.error).as(name).isNull();
		MessageResponse expected = MAPPER.readValue(Files.readAllBytes(counterpart), MessageResponse.class);
		MessageResponse actual = MessageAccumulator.accumulate(Flux.fromIterable(outcome.events)).block();
		assertThat(actual).isEqualTo(expected);
		assertThat(MAPPER.readTree(MAPPER.writeValueAsBytes(actual)))
			.isEqualTo(MAPPER.readTree(MAPPER.writeValueAsBytes(expected)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldParseEachChunkBeforeReleasingIt(Path file) {
		byte[] bytes = SseFixtures.read(file);
		Outcome expected = decode(List.of(bytes));
		for (int size : new int[] { 13, 200, bytes.length + 1 }) {
			List<ScramblingBuffer> buffers = new ArrayList<>();
			Flux<DataBuffer> body = Flux.fromIterable(SseFixtures.fixedChunks(bytes, size)).map((chunk) -> {
				ScramblingBuffer buffer = new ScramblingBuffer(chunk);
				buffers.add(buffer);
				return buffer;
			});
			assertThat(decode(body)).as("chunks of %d", size).isEqualTo(expected);
			assertThat(buffers).allSatisfy((buffer) -> assertThat(buffer.isAllocated()).isFalse());
		}
	}

	@Test
	void shouldTellABatchListenerWhereTheEventsOfEachChunkBeginAndEnd() {
		byte[] bytes = SseFixtures.read("anthropic-sdk-python/basic_response.sse");
		String text = new String(bytes, StandardCharsets.UTF_8);
		int secondEvent = text.indexOf("event: content_block_start");
		int insideThird = text.indexOf("event: ping") + 3;
		List<String> seen = new ArrayList<>();
		EventBatchListener listener = new EventBatchListener() {

			@Override
			public void batchStarted() {
				seen.add("[");
			}

			@Override
			public void batchEnded() {
				seen.add("]");
			}

		};
		List<byte[]> chunks = List.of(SseFixtures.slice(bytes, 0, secondEvent),
				SseFixtures.slice(bytes, secondEvent, insideThird), SseFixtures.slice(bytes, insideThird, insideThird + 1),
				SseFixtures.slice(bytes, insideThird + 1, bytes.length));
		this.decoder.decode(chunks(chunks), null)
			.doOnNext((event) -> seen.add(event.getClass().getSimpleName()))
			.contextWrite(Context.of(EventBatchListener.CONTEXT_KEY, listener))
			.blockLast();
		// the fixture has no blank line after message_stop: the end of the body completes it, unmarked
		assertThat(seen).containsExactly("[", "MessageStartEvent", "]", "[", "ContentBlockStartEvent", "]", "[",
				"ContentBlockDeltaEvent", "ContentBlockDeltaEvent", "ContentBlockDeltaEvent", "ContentBlockStopEvent",
				"MessageDeltaEvent", "]", "MessageStopEvent");
	}

	@Test
	void shouldEmitTypedEventsWithoutPingsAndComplete() {
		Outcome outcome = decode(List.of(SseFixtures.read("anthropic-sdk-python/basic_response.sse")));
		assertThat(outcome.error).isNull();
		assertThat(outcome.events).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("MessageStartEvent", "ContentBlockStartEvent", "ContentBlockDeltaEvent",
					"ContentBlockDeltaEvent", "ContentBlockDeltaEvent", "ContentBlockStopEvent", "MessageDeltaEvent",
					"MessageStopEvent");
	}

	@Test
	void shouldDropCommentsPingsAndDoneButReportKeepAlives() {
		AtomicInteger keepAlives = new AtomicInteger();
		byte[] bytes = SseFixtures.read("synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse");
		List<StreamEvent> events = this.decoder.decode(chunks(List.of(bytes)), null, keepAlives::incrementAndGet)
			.collectList()
			.block();
		assertThat(keepAlives).hasValue(2);
		assertThat(events).hasSize(7).last().isInstanceOf(MessageStopEvent.class);
		assertThat(((MessageStopEvent) events.get(6)).openrouterMetadata().requested())
			.isEqualTo("anthropic/claude-sonnet-4");
	}

	@Test
	void shouldKeepUnknownEventsAndDecideByTheJsonType() {
		Outcome unknown = decode(List.of(SseFixtures.read("streaming-quirks/unknown-event-block-and-delta-types.sse")));
		assertThat(unknown.events).filteredOn(UnknownStreamEvent.class::isInstance).hasSize(1);
		Outcome mismatched = decode(List.of(SseFixtures.read("streaming-quirks/event-name-missing-or-mismatched.sse")));
		assertThat(mismatched.events).extracting((event) -> (Object) event.getClass())
			.containsExactly(MessageStartEvent.class, ContentBlockStartEvent.class, ContentBlockDeltaEvent.class,
					ContentBlockStopEvent.class, MessageDeltaEvent.class, MessageStopEvent.class);
	}

	@Test
	void shouldPutTheGenerationIdOnTheStartMessage() {
		byte[] bytes = SseFixtures.read("anthropic-sdk-python/basic_response.sse");
		MessageResponse message = MessageAccumulator
			.accumulate(this.decoder.decode(chunks(List.of(bytes)), "gen-1234"))
			.block();
		assertThat(message.generationId()).isEqualTo("gen-1234");
		assertThat(message.text()).isEqualTo("Hello there!");
	}

	@Test
	void shouldEndWithAStreamExceptionCarryingThePartialMessageOnAnErrorEvent() {
		Outcome outcome = decode(List.of(SseFixtures.read("synthetic-openrouter/SYNTHETIC-midstream-error.sse")), "gen-err");
		assertThat(outcome.events).hasSize(3);
		assertThat(outcome.error).isInstanceOf(OpenRouterStreamException.class);
		OpenRouterStreamException error = (OpenRouterStreamException) outcome.error;
		assertThat(error.errorType()).isEqualTo("overloaded_error");
		assertThat(error.openRouterErrorType()).isEqualTo("provider_overloaded");
		assertThat(error.errorMessage()).isEqualTo("Provider is temporarily overloaded");
		assertThat(error.contentDelivered()).isTrue();
		assertThat(error.isRetryable()).isFalse();
		assertThat(error.partialMessage().text()).isEqualTo("Partial ans");
		assertThat(error.partialMessage().id()).isEqualTo("msg_synthetic_0002");
		assertThat(error.partialMessage().generationId()).isEqualTo("gen-err");
	}

	@Test
	void shouldCarryTheUnfinishedToolInputAndMetadataOnAnErrorEvent() {
		Outcome outcome = decode(List.of(SseFixtures.read("streaming-quirks/error-with-openrouter-metadata.sse")));
		OpenRouterStreamException error = (OpenRouterStreamException) outcome.error;
		assertThat(error.errorType()).isEqualTo("api_error");
		assertThat(error.openRouterErrorType()).isEqualTo("provider_error");
		assertThat(error.partialMessage().content()).hasSize(1);
		assertThat(error.partialMessage().openrouterMetadata().attempt()).isEqualTo(1);
	}

	@Test
	void shouldKeepOnlyTheMetadataOfThePartialMessageWhenToldNotToKeepIt() {
		StreamEventDecoder flat = new StreamEventDecoder(MAPPER, false);
		List<byte[]> chunks = List.of(SseFixtures.read("synthetic-openrouter/SYNTHETIC-midstream-error.sse"));
		Outcome kept = decode(chunks, "gen-err");
		Outcome notKept = decode(flat, chunks(chunks), "gen-err");
		assertThat(notKept.events).isEqualTo(kept.events);
		OpenRouterStreamException full = (OpenRouterStreamException) kept.error;
		OpenRouterStreamException metadataOnly = (OpenRouterStreamException) notKept.error;
		assertThat(full.partialMessage().text()).isEqualTo("Partial ans");
		assertThat(full.getMessage()).doesNotContain("not kept");
		assertThat(metadataOnly.partialMessage().content()).isEmpty();
		assertThat(metadataOnly.partialMessage().toBuilder().content(full.partialMessage().content()).build())
			.isEqualTo(full.partialMessage());
		assertThat(metadataOnly.partialMessage().usage()).isNotNull();
		assertThat(metadataOnly.errorMessage()).isEqualTo(full.errorMessage());
		assertThat(metadataOnly.getMessage()).contains("content not kept");
		assertThat(metadataOnly.contentDelivered()).isTrue();
		assertThat(metadataOnly.isRetryable()).isFalse();

		List<byte[]> truncated = List.of(SseFixtures.read("streaming-quirks/truncated-stream.sse"));
		IncompleteStreamException incomplete = (IncompleteStreamException) decode(flat, chunks(truncated), null).error;
		IncompleteStreamException incompleteKept = (IncompleteStreamException) decode(truncated).error;
		assertThat(incomplete).hasMessageContaining("before message_stop").hasMessageContaining("content not kept");
		assertThat(incomplete.partialMessage().content()).isEmpty();
		assertThat(incomplete.partialMessage().id()).isEqualTo(incompleteKept.partialMessage().id());
		assertThat(incomplete.partialMessage().usage()).isEqualTo(incompleteKept.partialMessage().usage());
	}

	@Test
	void shouldEndWithAnIncompleteStreamExceptionWhenTheBodyEndsBeforeMessageStop() {
		Outcome outcome = decode(List.of(SseFixtures.read("streaming-quirks/truncated-stream.sse")));
		assertThat(outcome.events).hasSize(4);
		assertThat(outcome.error).isInstanceOf(IncompleteStreamException.class)
			.hasMessageContaining("before message_stop");
		assertThat(((IncompleteStreamException) outcome.error).partialMessage().text())
			.isEqualTo("The body ends before message_stop");
	}

	@Test
	void shouldEndWithAnIncompleteStreamExceptionWhenTheBodyEndsInsideAnEvent() {
		Outcome outcome = decode(List.of(SseFixtures.read("streaming-quirks/truncated-mid-frame.sse")));
		assertThat(outcome.events).hasSize(3);
		assertThat(outcome.error).isInstanceOf(IncompleteStreamException.class).hasMessageContaining("inside an event");
		assertThat(((IncompleteStreamException) outcome.error).partialMessage().text()).isEqualTo("Cut here");
	}

	@Test
	void shouldEndWithAnIncompleteStreamExceptionForAnEmptyBody() {
		Outcome outcome = decode(List.of());
		assertThat(outcome.events).isEmpty();
		assertThat(outcome.error).isInstanceOf(IncompleteStreamException.class);
	}

	@Test
	void shouldEndWithADecodingErrorOnMalformedJson() {
		Outcome outcome = decode(List.of(bytes("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\"\n\n"
				+ "data: {\"type\":\"message_stop\"}\n\n")));
		assertThat(outcome.events).isEmpty();
		assertThat(outcome.error).isInstanceOf(OpenRouterDecodingException.class)
			.isNotInstanceOf(IncompleteStreamException.class);
	}

	@Test
	void shouldEndWithADecodingErrorWhenToolInputIsNotJson() {
		String stream = "data: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\",\"content\":[]}}\n\n"
				+ "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{}}}\n\n"
				+ "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\": \"}}\n\n"
				+ "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n";
		Outcome outcome = decode(List.of(bytes(stream)));
		assertThat(outcome.error).isInstanceOf(OpenRouterDecodingException.class)
			.hasMessageContaining("content block 0 (tool_use) is not valid JSON");
	}

	@Test
	void shouldEndWithADecodingErrorWhenAnEventExceedsTheFrameLimit() {
		StreamEventDecoder small = new StreamEventDecoder(MAPPER, 1024);
		String huge = "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
				+ "x".repeat(4000) + "\"}}\n\n";
		StepVerifier.create(small.decode(chunks(SseFixtures.fixedChunks(bytes(huge), 100)), null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(OpenRouterDecodingException.class)
				.hasMessageContaining("maxFrameBytes=1024"))
			.verify();
	}

	@Test
	void shouldIgnoreWhatFollowsMessageStopIncludingABodyError() {
		byte[] bytes = SseFixtures.read("anthropic-sdk-python/basic_response.sse");
		Flux<DataBuffer> body = chunks(List.of(bytes, bytes("\n\ndata: {\"type\":\"ping\"}\n\ndata: garbage\n\n")))
			.concatWith(Flux.error(new IllegalStateException("connection reset after the end")));
		StepVerifier.create(this.decoder.decode(body, null))
			.expectNextCount(7)
			.expectNextMatches(MessageStopEvent.class::isInstance)
			.verifyComplete();
	}

	@Test
	void shouldPassOnABodyErrorBeforeMessageStop() {
		IllegalStateException reset = new IllegalStateException("connection reset");
		Flux<DataBuffer> body = chunks(List.of(SseFixtures.read("streaming-quirks/truncated-stream.sse")))
			.concatWith(Flux.error(reset));
		StepVerifier.create(this.decoder.decode(body, null)).expectNextCount(4).verifyErrorMatches((ex) -> ex == reset);
	}

	@Test
	void shouldDeliverEventsAsChunksArriveAndCancelTheBodyWhenCancelled() {
		Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
		AtomicBoolean cancelled = new AtomicBoolean();
		byte[] bytes = SseFixtures.read("anthropic-sdk-python/tool_use_response.sse");
		int secondEventEnd = new String(bytes, StandardCharsets.UTF_8).indexOf("event: ping");
		List<byte[]> parts = SseFixtures.splitAt(bytes, secondEventEnd);
		StepVerifier.create(this.decoder.decode(body.asFlux().doOnCancel(() -> cancelled.set(true)), null))
			.then(() -> body.tryEmitNext(BUFFERS.wrap(parts.get(0))))
			.expectNextMatches(MessageStartEvent.class::isInstance)
			.expectNextMatches(ContentBlockStartEvent.class::isInstance)
			.thenCancel()
			.verify();
		assertThat(cancelled).isTrue();
	}

	@Test
	void shouldReleaseEveryBufferOnSuccessErrorAndCancel() {
		byte[] complete = SseFixtures.read("anthropic-sdk-python/tool_use_response.sse");
		List<ByteBuf> success = new ArrayList<>();
		this.decoder.decode(trackedChunks(complete, 50, success), null).blockLast();
		assertThat(success).isNotEmpty().allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());

		List<ByteBuf> failure = new ArrayList<>();
		byte[] error = SseFixtures.read("synthetic-openrouter/SYNTHETIC-midstream-error.sse");
		StepVerifier.create(this.decoder.decode(trackedChunks(error, 50, failure), null))
			.thenConsumeWhile((event) -> true)
			.verifyError(OpenRouterStreamException.class);
		assertThat(failure).isNotEmpty().allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());

		List<ByteBuf> cancelled = new ArrayList<>();
		StepVerifier.create(this.decoder.decode(trackedChunks(complete, 50, cancelled), null), 1)
			.expectNextCount(1)
			.thenCancel()
			.verify();
		assertThat(cancelled).isNotEmpty().allSatisfy((buf) -> assertThat(buf.refCnt()).isZero());
	}

	private Flux<DataBuffer> trackedChunks(byte[] bytes, int size, List<ByteBuf> created) {
		return Flux.fromIterable(SseFixtures.fixedChunks(bytes, size)).map((chunk) -> {
			ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(chunk.length);
			buf.writeBytes(chunk);
			created.add(buf);
			return (DataBuffer) BUFFERS.wrap(buf);
		});
	}

	private static Path counterpart(String fixture) {
		if (fixture.equals("streaming-quirks/spec-schema-examples-assembled.sse")) {
			return SseFixtures.root().resolve("openrouter-spec/schema-example.MessagesResult.json");
		}

		return SseFixtures.root().resolve("stream-counterparts/" + fixture.replaceAll("\\.sse$", ".json"));
	}

	private Outcome decode(List<byte[]> chunks) {
		return decode(chunks, null);
	}

	private Outcome decode(List<byte[]> chunks, String generationId) {
		return decode(chunks(chunks), generationId);
	}

	private Outcome decode(Flux<DataBuffer> body) {
		return decode(body, null);
	}

	private Outcome decode(Flux<DataBuffer> body, String generationId) {
		return decode(this.decoder, body, generationId);
	}

	private static Outcome decode(StreamEventDecoder decoder, Flux<DataBuffer> body, String generationId) {
		List<StreamEvent> events = new ArrayList<>();
		Throwable[] error = new Throwable[1];
		decoder.decode(body, generationId)
			.doOnNext(events::add)
			.onErrorResume((ex) -> {
				error[0] = ex;
				return Flux.empty();
			})
			.blockLast();
		return new Outcome(events, error[0]);
	}

	private static Flux<DataBuffer> chunks(List<byte[]> chunks) {
		return Flux.fromIterable(chunks).map((chunk) -> BUFFERS.wrap(PooledByteBufAllocator.DEFAULT.buffer().writeBytes(chunk)));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A heap buffer whose bytes are overwritten when it is released, as a pool may reuse them. */
	private static final class ScramblingBuffer extends DataBufferWrapper implements PooledDataBuffer {

		private final byte[] bytes;

		private boolean allocated = true;

		ScramblingBuffer(byte[] bytes) {
			super(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
			this.bytes = bytes;
		}

		@Override
		public boolean isAllocated() {
			return this.allocated;
		}

		@Override
		public PooledDataBuffer retain() {
			throw new UnsupportedOperationException();
		}

		@Override
		public PooledDataBuffer touch(Object hint) {
			return this;
		}

		@Override
		public boolean release() {
			Arrays.fill(this.bytes, (byte) '\n');
			this.allocated = false;
			return true;
		}

	}

	/** Events and terminal error of one decoding; errors compare by class and message. */
	private record Outcome(List<StreamEvent> events, Throwable error) {

		@Override
		public boolean equals(Object other) {
			if (!(other instanceof Outcome that)) {
				return false;
			}
			return this.events.equals(that.events) && describe(this.error).equals(describe(that.error));
		}

		@Override
		public int hashCode() {
			return this.events.hashCode();
		}

		private static String describe(Throwable error) {
			return (error != null) ? error.getClass().getName() + ": " + error.getMessage() : "none";
		}

	}

}
