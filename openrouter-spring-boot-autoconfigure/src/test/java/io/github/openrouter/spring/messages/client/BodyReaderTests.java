package io.github.openrouter.spring.messages.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BodyReader}.
 */
class BodyReaderTests {

	private static final long IDLE_NANOS = Duration.ofSeconds(10).toNanos();

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(Unpooled.buffer().alloc());

	private final List<ByteBuf> sent = new ArrayList<>();

	@Test
	void shouldJoinEveryChunkAndReleaseEachBuffer() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(BodyReader.read(body, 1024))
			.then(() -> body.next(buffer("{\"id\":"), buffer("\"msg_1\""), buffer("}")).complete())
			.assertNext((bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"msg_1\"}"))
			.verifyComplete();
		assertThat(this.sent).hasSize(3).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
	}

	@Test
	void shouldGiveAnEmptyArrayForAnEmptyBody() {
		StepVerifier.create(BodyReader.read(TestPublisher.<DataBuffer>create().complete(), 1024))
			.assertNext((bytes) -> assertThat(bytes).isEmpty())
			.verifyComplete();
	}

	@Test
	void shouldCancelABodyOverTheBoundAndReleaseWhatArrivesAfterwards() {
		TestPublisher<DataBuffer> body = TestPublisher.createNoncompliant(TestPublisher.Violation.CLEANUP_ON_TERMINATE);
		StepVerifier.create(BodyReader.read(body, 8))
			.then(() -> body.next(buffer("12345"), buffer("67890"), buffer("late")))
			.expectErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(DataBufferLimitException.class)
				.hasMessageContaining("8"))
			.verify(Duration.ofSeconds(5));
		body.assertCancelled();
		assertThat(this.sent).hasSize(3).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
	}

	@Test
	void shouldPassOnAnUpstreamError() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(BodyReader.read(body, 1024))
			.then(() -> body.next(buffer("{")).error(new IllegalStateException("reset")))
			.verifyErrorMessage("reset");
		assertThat(this.sent).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
	}

	@Test
	void shouldFailAndCancelABodyThatFallsSilentForTheIdleLimit() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(BodyReader.read(body, 1024, time, IDLE_NANOS, () -> new IllegalStateException("idle")))
			.then(() -> body.next(buffer("{")))
			.then(() -> time.advanceTimeBy(Duration.ofSeconds(9)))
			.then(() -> body.next(buffer("\"a\":")))
			.then(() -> time.advanceTimeBy(Duration.ofSeconds(9)))
			.expectNoEvent(Duration.ZERO)
			.then(() -> time.advanceTimeBy(Duration.ofSeconds(1)))
			.verifyErrorMessage("idle");
		body.assertCancelled();
	}

	@Test
	void shouldCompleteABodyWhoseChunksKeepArrivingWithinTheIdleLimit() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(BodyReader.read(body, 1024, time, IDLE_NANOS, () -> new IllegalStateException("idle")))
			.then(() -> {
				for (int i = 0; i < 5; i++) {
					time.advanceTimeBy(Duration.ofSeconds(8));
					body.next(buffer("x"));
				}
				body.complete();
			})
			.assertNext((bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("xxxxx"))
			.verifyComplete();
		time.advanceTimeBy(Duration.ofMinutes(1));
		body.assertNotCancelled();
	}

	@Test
	void shouldCancelTheBodyAndItsTimerWhenTheCallerCancels() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		TestPublisher<DataBuffer> body = TestPublisher.create();
		AtomicInteger idleErrors = new AtomicInteger();
		StepVerifier.create(BodyReader.read(body, 1024, time, IDLE_NANOS, () -> {
			idleErrors.incrementAndGet();
			return new IllegalStateException("idle");
		})).then(() -> body.next(buffer("{"))).thenCancel().verify(Duration.ofSeconds(5));
		body.assertCancelled();
		time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(idleErrors).hasValue(0);
		assertThat(this.sent).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
	}

	private DataBuffer buffer(String text) {
		ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
		this.sent.add(buf);
		return this.factory.wrap(buf);
	}

}
