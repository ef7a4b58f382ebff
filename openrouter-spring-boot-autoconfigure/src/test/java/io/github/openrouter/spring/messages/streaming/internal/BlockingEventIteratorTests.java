package io.github.openrouter.spring.messages.streaming.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link BlockingEventIterator}.
 */
class BlockingEventIteratorTests {

	@Test
	void shouldIterateAllElementsInOrder() {
		try (BlockingEventIterator<Integer> iterator = new BlockingEventIterator<>(Flux.range(0, 1000), 8)) {
			List<Integer> elements = new ArrayList<>();
			iterator.forEachRemaining(elements::add);
			assertThat(elements).hasSize(1000).startsWith(0, 1, 2).endsWith(998, 999);
			assertThat(iterator.hasNext()).isFalse();
			assertThat(iterator.isTerminated()).isTrue();
			assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(iterator::next);
		}
	}

	@Test
	void shouldNeverHaveMoreThanTheBufferSizeOutstanding() {
		AtomicLong emitted = new AtomicLong();
		AtomicLong requested = new AtomicLong();
		Flux<Integer> source = Flux.range(0, 500)
			.doOnRequest(requested::addAndGet)
			.doOnNext((element) -> emitted.incrementAndGet());
		try (BlockingEventIterator<Integer> iterator = new BlockingEventIterator<>(source, 16)) {
			int taken = 0;
			while (iterator.hasNext()) {
				iterator.next();
				taken++;
				assertThat(requested.get() - taken).as("outstanding demand after %d", taken).isLessThanOrEqualTo(16);
				assertThat(iterator.buffered()).isLessThanOrEqualTo(16);
			}
			assertThat(taken).isEqualTo(500);
			assertThat(emitted.get()).isEqualTo(500);
		}
	}

	@Test
	void shouldStopRequestingWhenTheReaderStops() {
		AtomicLong requested = new AtomicLong();
		Flux<Integer> source = Flux.range(0, 1_000_000).doOnRequest(requested::addAndGet);
		try (BlockingEventIterator<Integer> iterator = new BlockingEventIterator<>(source, 4)) {
			assertThat(iterator.next()).isEqualTo(0);
			assertThat(iterator.next()).isEqualTo(1);
			assertThat(requested.get()).isLessThanOrEqualTo(8);
			assertThat(iterator.buffered()).isLessThanOrEqualTo(4);
		}
	}

	@Test
	void shouldCancelTheSubscriptionOnClose() throws Exception {
		CountDownLatch cancelled = new CountDownLatch(1);
		Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
		BlockingEventIterator<String> iterator = new BlockingEventIterator<>(
				sink.asFlux().doOnCancel(cancelled::countDown), 4);
		sink.tryEmitNext("a");
		assertThat(iterator.next()).isEqualTo("a");
		iterator.close();
		assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(iterator.hasNext()).isFalse();
		assertThat(iterator.isTerminated()).isTrue();
	}

	@Test
	void shouldWakeAReaderBlockedInHasNextWhenClosedFromAnotherThread() throws Exception {
		Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
		BlockingEventIterator<String> iterator = new BlockingEventIterator<>(sink.asFlux(), 4);
		CompletableFuture<Boolean> reader = CompletableFuture.supplyAsync(iterator::hasNext);
		while (!iterator.hasWaitingReader()) {
			Thread.onSpinWait();
		}
		iterator.close();
		assertThat(reader.get(5, TimeUnit.SECONDS)).isFalse();
	}

	@Test
	void shouldRethrowTheErrorOfTheSourceAfterTheElementsBeforeIt() {
		IllegalArgumentException failure = new IllegalArgumentException("boom");
		Flux<String> source = Flux.just("a", "b").concatWith(Flux.error(failure));
		try (BlockingEventIterator<String> iterator = new BlockingEventIterator<>(source, 4)) {
			assertThat(iterator.next()).isEqualTo("a");
			assertThat(iterator.next()).isEqualTo("b");
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(iterator::hasNext).isSameAs(failure);
		}
	}

	@Test
	void shouldWrapACheckedErrorOfTheSource() {
		Exception failure = new Exception("checked");
		try (BlockingEventIterator<String> iterator = new BlockingEventIterator<>(Flux.error(failure), 4)) {
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(iterator::hasNext).havingCause().isSameAs(failure);
		}
	}

	@Test
	void shouldRefuseToBlockANonBlockingThread() throws Exception {
		Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
		try (BlockingEventIterator<String> iterator = new BlockingEventIterator<>(sink.asFlux(), 4)) {
			CompletableFuture<Throwable> outcome = new CompletableFuture<>();
			Schedulers.parallel().schedule(() -> {
				try {
					iterator.hasNext();
					outcome.complete(null);
				}
				catch (Throwable ex) {
					outcome.complete(ex);
				}
			});
			assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("non-blocking thread");
			sink.tryEmitNext("still readable");
			assertThat(iterator.next()).isEqualTo("still readable");
		}
	}

	@Test
	void shouldNotBlockANonBlockingThreadWhenAnElementIsBuffered() throws Exception {
		try (BlockingEventIterator<String> iterator = new BlockingEventIterator<>(Flux.just("ready"), 4)) {
			CompletableFuture<String> outcome = new CompletableFuture<>();
			Schedulers.parallel().schedule(() -> outcome.complete(iterator.next()));
			assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("ready");
		}
	}

	@Test
	void shouldCloseAndFailWhenTheReaderIsInterrupted() throws Exception {
		CountDownLatch cancelled = new CountDownLatch(1);
		Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
		BlockingEventIterator<String> iterator = new BlockingEventIterator<>(
				sink.asFlux().doOnCancel(cancelled::countDown), 4);
		Thread.currentThread().interrupt();
		assertThatIllegalStateException().isThrownBy(iterator::hasNext).withMessageContaining("Interrupted");
		assertThat(Thread.interrupted()).isTrue();
		assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(iterator.hasNext()).isFalse();
	}

	@Test
	void shouldWakeTheReaderOncePerBatchWhenTheSourceMarksBatches() {
		AtomicReference<EventBatchListener> listener = new AtomicReference<>();
		Sinks.Many<Integer> sink = Sinks.many().unicast().onBackpressureBuffer();
		Flux<Integer> source = Flux.deferContextual((context) -> {
			listener.set(context.get(EventBatchListener.CONTEXT_KEY));
			return sink.asFlux();
		});
		try (BlockingEventIterator<Integer> iterator = new BlockingEventIterator<>(source, 32)) {
			listener.get().batchStarted();
			for (int i = 0; i < 5; i++) {
				sink.tryEmitNext(i);
			}
			assertThat(iterator.wakeUps()).isZero();
			listener.get().batchEnded();
			assertThat(iterator.wakeUps()).isEqualTo(1);
			assertThat(List.of(iterator.next(), iterator.next(), iterator.next(), iterator.next(), iterator.next()))
				.containsExactly(0, 1, 2, 3, 4);
			for (int i = 5; i < 8; i++) {
				sink.tryEmitNext(i);
			}
			assertThat(iterator.wakeUps()).as("one wake-up per element outside batches").isEqualTo(4);
			assertThat(List.of(iterator.next(), iterator.next(), iterator.next())).containsExactly(5, 6, 7);
		}
	}

	@Test
	void shouldWakeTheReaderWhenAllRequestedElementsArrivedInsideABatch() throws Exception {
		AtomicReference<EventBatchListener> listener = new AtomicReference<>();
		Sinks.Many<Integer> sink = Sinks.many().unicast().onBackpressureBuffer();
		Flux<Integer> source = Flux.deferContextual((context) -> {
			listener.set(context.get(EventBatchListener.CONTEXT_KEY));
			return sink.asFlux();
		});
		try (BlockingEventIterator<Integer> iterator = new BlockingEventIterator<>(source, 4)) {
			CompletableFuture<List<Integer>> reader = CompletableFuture.supplyAsync(() -> List.of(iterator.next(),
					iterator.next(), iterator.next(), iterator.next()));
			listener.get().batchStarted();
			for (int i = 0; i < 6; i++) {
				sink.tryEmitNext(i);
			}
			assertThat(reader.get(5, TimeUnit.SECONDS)).containsExactly(0, 1, 2, 3);
			assertThat(iterator.next()).isEqualTo(4);
		}
	}

	@Test
	void shouldWakeTheReaderForElementsDeliveredOnAnotherThreadThanTheBatch() throws Exception {
		AtomicReference<EventBatchListener> listener = new AtomicReference<>();
		Sinks.Many<Integer> sink = Sinks.many().unicast().onBackpressureBuffer();
		Flux<Integer> source = Flux.deferContextual((context) -> {
			listener.set(context.get(EventBatchListener.CONTEXT_KEY));
			return sink.asFlux();
		});
		try (BlockingEventIterator<Integer> iterator = new BlockingEventIterator<>(source, 32)) {
			listener.get().batchStarted();
			CompletableFuture.runAsync(() -> sink.tryEmitNext(7)).get(5, TimeUnit.SECONDS);
			assertThat(iterator.wakeUps()).isEqualTo(1);
			assertThat(iterator.next()).isEqualTo(7);
		}
	}

	@Test
	void shouldTakeEveryBufferedElementInOneStepAndStillBoundTheBuffer() {
		AtomicLong requested = new AtomicLong();
		Flux<Integer> source = Flux.range(0, 100).doOnRequest(requested::addAndGet);
		try (BlockingEventIterator<Integer> iterator = new BlockingEventIterator<>(source, 8)) {
			assertThat(iterator.buffered()).isEqualTo(8);
			assertThat(iterator.next()).isZero();
			assertThat(iterator.buffered()).isEqualTo(7);
			for (int i = 1; i < 6; i++) {
				assertThat(iterator.next()).isEqualTo(i);
			}
			assertThat(requested.get()).as("replenished after 6 of 8 taken").isEqualTo(14);
			assertThat(iterator.buffered()).isEqualTo(8);
		}
	}

	@Test
	void shouldRejectANonPositiveBufferSize() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new BlockingEventIterator<>(Flux.empty(), 0))
			.withMessageContaining("bufferSize");
	}

}
