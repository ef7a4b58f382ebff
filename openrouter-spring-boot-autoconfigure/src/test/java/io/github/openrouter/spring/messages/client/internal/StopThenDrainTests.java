package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link StopThenDrain}: the downstream completes at the stop element while the source
 * is read to its end, or cancelled once the drain limit passes; and a randomized stress test on
 * real threads (random lengths, stop positions, demand, cancels, drain limits, and sources that
 * complete, fail or stay open).
 */
class StopThenDrainTests {

	private static final Duration LONG = Duration.ofSeconds(30);

	@Test
	void shouldCompleteAtTheStopElementAndReadTheSourceToItsEnd() {
		AtomicInteger emitted = new AtomicInteger();
		AtomicBoolean cancelled = new AtomicBoolean();
		AtomicBoolean sourceEnded = new AtomicBoolean();
		Flux<Integer> source = Flux.range(0, 10)
			.doOnNext((i) -> emitted.incrementAndGet())
			.doOnCancel(() -> cancelled.set(true))
			.doOnComplete(() -> sourceEnded.set(true));
		StepVerifier.create(StopThenDrain.stopAt(source, (i) -> i == 3, LONG), 1)
			.expectNext(0)
			.thenRequest(1)
			.expectNext(1)
			.thenRequest(2)
			.expectNext(2, 3)
			.verifyComplete();
		assertThat(emitted).hasValue(10);
		assertThat(sourceEnded).isTrue();
		assertThat(cancelled).isFalse();
	}

	@Test
	void shouldNotWaitForASourceHeldOpenNorReportItsLaterError() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<Integer> source = Flux.just(1, 2).concatWith(Mono.never()).doOnCancel(() -> cancelled.set(true));
		StepVerifier.create(StopThenDrain.stopAt(source, (i) -> i == 2, LONG)).expectNext(1, 2).verifyComplete();
		assertThat(cancelled).isFalse();
		StepVerifier.create(StopThenDrain.stopAt(Flux.just(1, 2).concatWith(Flux.error(new IllegalStateException())),
				(i) -> i == 2, LONG))
			.expectNext(1, 2)
			.verifyComplete();
	}

	@Test
	void shouldCancelASourceStillOpenWhenTheDrainLimitPasses() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<Integer> source = Flux.just(1, 2)
			.concatWith(Flux.interval(Duration.ofMillis(1)).map((tick) -> 0))
			.doOnCancel(() -> cancelled.set(true));
		StepVerifier.create(StopThenDrain.stopAt(source, (i) -> i == 2, Duration.ofMillis(50)))
			.expectNext(1, 2)
			.verifyComplete();
		await().atMost(Duration.ofSeconds(10)).untilTrue(cancelled);
	}

	@Test
	void shouldPassTheSourcesEndOrErrorBeforeTheStopAndCancelItOnACancelBeforeTheStop() {
		StepVerifier.create(StopThenDrain.stopAt(Flux.just(1, 2), (i) -> i == 5, LONG)).expectNext(1, 2).verifyComplete();
		StepVerifier.create(StopThenDrain.stopAt(Flux.just(1).concatWith(Flux.error(new IllegalStateException("x"))),
				(i) -> i == 5, LONG))
			.expectNext(1)
			.verifyErrorMessage("x");
		AtomicBoolean cancelled = new AtomicBoolean();
		StepVerifier
			.create(StopThenDrain.stopAt(Flux.just(1, 2).concatWith(Mono.never()).doOnCancel(() -> cancelled.set(true)),
					(i) -> i == 5, LONG))
			.expectNext(1, 2)
			.thenCancel()
			.verify();
		assertThat(cancelled).isTrue();
	}

	@Test
	void aPredicateThatThrowsFailsTheFluxAndCancelsTheSource() {
		AtomicBoolean cancelled = new AtomicBoolean();
		StepVerifier.create(StopThenDrain.stopAt(Flux.just(1, 2).doOnCancel(() -> cancelled.set(true)), (i) -> {
			throw new IllegalArgumentException("predicate");
		}, LONG)).verifyErrorMessage("predicate");
		assertThat(cancelled).isTrue();
	}

	@Test
	void shouldSignalOnceAndDrainTheSourceUnderRandomTimingDemandAndCancels() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<Run> runs = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			runs.add(Run.start(random));
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(runs).as("seed %d", seed).allSatisfy((run) -> assertThat(run.settled()).isTrue()));
		for (Run run : runs) {
			run.check("seed " + seed);
		}
	}

	/**
	 * One run: a source of {@code length} elements emitted on a parallel thread, which then
	 * completes, fails or stays open; the stop element at {@code stopAt} (or none); a reader that
	 * asks for one element at a time or all, and may cancel at a random moment from another thread.
	 */
	private static final class Run extends SignalCounter<Integer> {

		final int length;

		final int stopAt;

		final int ending;

		final boolean oneByOne;

		final Queue<Integer> received = new ConcurrentLinkedQueue<>();

		final AtomicInteger emitted = new AtomicInteger();

		final AtomicInteger lateElements = new AtomicInteger();

		final AtomicBoolean sourceCancelled = new AtomicBoolean();

		final AtomicBoolean sourceEnded = new AtomicBoolean();

		volatile boolean cancelIssued;

		final long drainNanos;

		volatile long stoppedAt;

		volatile long sourceCancelledAt;

		private Run(int length, int stopAt, int ending, boolean oneByOne, long drainNanos) {
			this.length = length;
			this.stopAt = stopAt;
			this.ending = ending;
			this.oneByOne = oneByOne;
			this.drainNanos = drainNanos;
		}

		static Run start(Random random) {
			int length = random.nextInt(40);
			int stopAt = (random.nextInt(4) == 0) ? -1 : random.nextInt(length + 1);
			Run run = new Run(length, stopAt, random.nextInt(3), random.nextBoolean(),
					TimeUnit.MICROSECONDS.toNanos(50 + random.nextInt(5_000)));
			Flux<Integer> end = switch (run.ending) {
				case 0 -> Flux.empty();
				case 1 -> Flux.error(new IllegalStateException("source failed"));
				default -> Flux.never();
			};
			Flux<Integer> source = Flux.range(0, length)
				.concatWith(end)
				.publishOn(Schedulers.parallel(), 1 + random.nextInt(8))
				.doOnNext((element) -> run.emitted.incrementAndGet())
				.doOnCancel(() -> {
					run.sourceCancelledAt = System.nanoTime();
					run.sourceCancelled.set(true);
				})
				.doOnTerminate(() -> run.sourceEnded.set(true));
			StopThenDrain.stopAt(source, (element) -> element == run.stopAt, Duration.ofNanos(run.drainNanos))
				.subscribe(run);
			if (random.nextInt(3) == 0) {
				Schedulers.parallel().schedule(() -> {
					run.cancelIssued = true;
					run.cancel();
				}, random.nextInt(200), TimeUnit.MICROSECONDS);
			}
			return run;
		}

		@Override
		public void onSubscribe(org.reactivestreams.Subscription subscription) {
			super.onSubscribe(subscription);
			subscription.request(this.oneByOne ? 1 : Long.MAX_VALUE);
		}

		@Override
		public void onNext(Integer element) {
			if (element == this.stopAt) {
				this.stoppedAt = System.nanoTime();
			}
			if (this.terminals.get() > 0) {
				this.lateElements.incrementAndGet();
			}
			this.received.add(element);
			if (this.oneByOne) {
				this.subscription.request(1);
			}
		}

		boolean stops() {
			return this.stopAt >= 0 && this.stopAt < this.length;
		}

		/** Done once the reader has its end (or cancelled) and the source is drained or cancelled. */
		boolean settled() {
			boolean drained = this.sourceEnded.get() || this.sourceCancelled.get()
					|| (this.ending == 2 && !stops() && this.emitted.get() == this.length);
			boolean readerDone = ended() || (this.ending == 2 && !stops() && this.received.size() == this.length);
			return readerDone && drained;
		}

		void check(String context) {
			String description = context + ", " + this;
			assertThat(this.terminals.get()).as("terminal signals, " + description).isLessThanOrEqualTo(1);
			assertThat(this.lateElements).as("elements after the end, " + description).hasValue(0);
			List<Integer> got = new ArrayList<>(this.received);
			for (int i = 0; i < got.size(); i++) {
				assertThat(got.get(i)).as("elements in order, " + description).isEqualTo(i);
			}
			boolean delivered = stops() && got.size() == this.stopAt + 1;
			if (delivered) {
				// the stop reached the reader: it completed, and the source was read to its end
				assertThat(this.completed).as("completed at the stop, " + description).isTrue();
				if (this.sourceCancelled.get() && !this.cancelIssued) {
					// only a cancel that raced ahead of the stop, or the drain limit, reaches the source
					assertThat(this.sourceCancelledAt - this.stoppedAt)
						.as("source cancelled before the drain limit, " + description)
						.isGreaterThanOrEqualTo(this.drainNanos);
				}
				else if (this.sourceCancelled.get()) {
					assertThat(this.cancelIssued).as(description).isTrue();
				}
				else {
					assertThat(this.emitted.get()).as("source read to its end, " + description).isEqualTo(this.length);
				}
			}
			else if (!this.cancelIssued) {
				assertThat(stops()).as("no stop was delivered, " + description).isFalse();
				assertThat(got).as(description).hasSize(this.length);
				if (this.ending == 0) {
					assertThat(this.completed).as(description).isTrue();
				}
				else if (this.ending == 1) {
					assertThat(this.error.get()).as(description).hasMessage("source failed");
				}
				else {
					assertThat(this.terminals.get()).as(description).isZero();
				}
			}
			else {
				assertThat(got.size()).as(description).isLessThanOrEqualTo(stops() ? this.stopAt + 1 : this.length);
				if (this.terminals.get() == 0) {
					assertThat(this.sourceCancelled).as("a reader that cancelled first cancels the source, " + description)
						.isTrue();
				}
			}
		}

		@Override
		public String toString() {
			return "Run[length=" + this.length + ", stopAt=" + this.stopAt + ", ending=" + this.ending + ", oneByOne="
					+ this.oneByOne + ", cancel=" + this.cancelIssued + ", received=" + this.received.size() + ", terminals="
					+ this.terminals + ", emitted=" + this.emitted + ", sourceCancelled=" + this.sourceCancelled + "]";
		}

	}

}
