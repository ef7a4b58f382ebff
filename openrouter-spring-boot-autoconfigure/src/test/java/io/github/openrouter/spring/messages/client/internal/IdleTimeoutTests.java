package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link IdleTimeout}: the clock runs only while the reader has demand; and a
 * randomized stress test on real schedulers (random timing, request sizes, cancels and errors):
 * every run ends once (or is cancelled), no buffer leaks, no timer task is left behind.
 */
class IdleTimeoutTests {

	private static final Duration IDLE = Duration.ofSeconds(10);

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));

	private final Queue<ByteBuf> allocated = new ConcurrentLinkedQueue<>();

	@AfterEach
	void resetSchedulers() {
		Schedulers.resetFactory();
	}

	private DataBuffer buffer() {
		NettyDataBuffer buffer = this.buffers.allocateBuffer(8);
		buffer.write(new byte[] { 'd', 'a', 't', 'a' });
		this.allocated.add(buffer.getNativeBuffer());
		return buffer;
	}

	private static Flux<DataBuffer> limited(Flux<DataBuffer> body) {
		return IdleTimeout.limit(body, IDLE.toNanos(), () -> new IllegalStateException("idle"));
	}

	@Test
	void shouldNotCountTheReadersPauseAsTheServersSilence() {
		Sinks.Many<DataBuffer> server = Sinks.many().unicast().onBackpressureBuffer();
		AtomicReference<@Nullable Disposable> clock = new AtomicReference<>();
		// a task always pending, so that the virtual clock moves as it would for real
		StepVerifier.withVirtualTime(() -> limited(server.asFlux()).doOnSubscribe((subscription) -> clock
			.set(Flux.interval(Duration.ofMillis(100)).subscribe())).doFinally((signal) -> clock.get().dispose()), 0)
			.expectSubscription()
			// the reader asked for nothing: however long, no timeout
			.expectNoEvent(Duration.ofHours(1))
			.thenRequest(1)
			.expectNoEvent(IDLE.minusMillis(1))
			.then(() -> server.tryEmitNext(buffer()))
			.consumeNextWith(DataBufferUtils::release)
			// the server keeps sending while the reader pauses: buffered, and never a timeout
			.then(() -> server.tryEmitNext(buffer()))
			.expectNoEvent(Duration.ofHours(1))
			.thenRequest(1)
			.consumeNextWith(DataBufferUtils::release)
			.thenRequest(1)
			.expectNoEvent(IDLE.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorMessage("idle")
			.verify(Duration.ofSeconds(10));
		assertThat(this.allocated).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
	}

	@Test
	void shouldPassOnTheEndAndErrorsOfTheBody() {
		StepVerifier.withVirtualTime(() -> limited(Flux.just(buffer(), buffer())))
			.consumeNextWith(DataBufferUtils::release)
			.consumeNextWith(DataBufferUtils::release)
			.verifyComplete();
		StepVerifier.withVirtualTime(() -> limited(Flux.error(new IllegalArgumentException("reset"))))
			.expectErrorMessage("reset")
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void shouldReleaseWhatArrivesAfterATimeoutOrACancel() {
		AtomicReference<@Nullable Subscription> upstream = new AtomicReference<>();
		Flux<DataBuffer> unruly = Flux.from((subscriber) -> {
			// a source that keeps sending after it was cancelled, as a racing buffer would
			subscriber.onSubscribe(new Subscription() {
				@Override
				public void request(long n) {
				}

				@Override
				public void cancel() {
				}
			});
			upstream.set(null);
			Schedulers.parallel().schedule(() -> {
				subscriber.onNext(buffer());
				subscriber.onNext(buffer());
				subscriber.onComplete();
			}, 1, TimeUnit.HOURS);
		});
		StepVerifier.withVirtualTime(() -> limited(unruly))
			.expectSubscription()
			.thenAwait(IDLE)
			.expectErrorMessage("idle")
			.verify(Duration.ofSeconds(10));
		StepVerifier.withVirtualTime(() -> limited(unruly)).thenCancel().verify(Duration.ofSeconds(10));
		// the virtual-time scheduler of the last run fires the late buffers now
		StepVerifier.withVirtualTime(() -> Mono.delay(Duration.ofHours(2))).thenAwait(Duration.ofHours(2))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(this.allocated).allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
	}

	@Test
	void shouldEndTheBodyWhenTheSchedulerRefusesItsTimer() {
		Schedulers.setFactory(delayedTasks((delegate, task, delay, unit) -> {
			throw new java.util.concurrent.RejectedExecutionException("refused");
		}));
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<DataBuffer> silent = Flux.<DataBuffer>never().doOnCancel(() -> cancelled.set(true));
		// without a timer the body would wait forever: it ends at once, and the server's body is cancelled
		StepVerifier.create(limited(silent))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOf(java.util.concurrent.RejectedExecutionException.class)
				.hasMessage("refused"))
			.verify(Duration.ofSeconds(10));
		assertThat(cancelled).isTrue();
	}

	@Test
	void shouldEndEveryRunOnceAndLeakNothingUnderRandomTimingCancelsAndErrors() {
		// delayed tasks of Schedulers.parallel() that have neither run nor been disposed
		AtomicInteger live = new AtomicInteger();
		Schedulers.setFactory(delayedTasks((delegate, task, delay, unit) -> {
			AtomicBoolean done = new AtomicBoolean();
			live.incrementAndGet();
			Disposable scheduled = delegate.schedule(() -> {
				if (done.compareAndSet(false, true)) {
					live.decrementAndGet();
				}
				task.run();
			}, delay, unit);
			return () -> {
				scheduled.dispose();
				if (done.compareAndSet(false, true)) {
					live.decrementAndGet();
				}
			};
		}));
		int runs = 400;
		List<Run> all = new java.util.ArrayList<>();
		for (int i = 0; i < runs; i++) {
			Run run = new Run();
			all.add(run);
			ThreadLocalRandom random = ThreadLocalRandom.current();
			int count = random.nextInt(0, 30);
			boolean fails = random.nextInt(4) == 0;
			Flux<DataBuffer> source = Flux.range(0, count)
				.concatMap((index) -> Mono.delay(Duration.ofNanos(random.nextLong(0, 2_000_000)))
					.map((tick) -> buffer()), 1)
				.concatWith(fails ? Mono.error(new IllegalStateException("reset")) : Mono.empty())
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
			long idleNanos = random.nextLong(500_000, 3_000_000);
			IdleTimeout.limit(source, idleNanos, () -> new IllegalStateException("idle")).subscribe(run);
		}
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(all).allSatisfy((run) -> assertThat(run.ended()).isTrue()));
		for (Run run : all) {
			assertThat(run.terminals.get()).as("terminal signals").isLessThanOrEqualTo(1);
			assertThat(run.overflow.get()).as("elements beyond demand").isZero();
		}
		assertThat(all).anySatisfy((run) -> assertThat(run.error.get()).hasMessage("idle"));
		assertThat(all).anySatisfy((run) -> assertThat(run.completed.get()).isTrue());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(this.allocated).allSatisfy((buffer) -> assertThat(buffer.refCnt()).as("released").isZero());
			assertThat(live.get()).as("timer tasks left").isZero();
		});
	}

	/**
	 * A reader with random demand, pauses and cancels.
	 */
	private static final class Run extends SignalCounter<DataBuffer> {

		final AtomicInteger overflow = new AtomicInteger();

		final AtomicLong outstanding = new AtomicLong();

		@Override
		public void onSubscribe(Subscription subscription) {
			super.onSubscribe(subscription);
			request(ThreadLocalRandom.current().nextInt(1, 4));
		}

		private void request(long n) {
			this.outstanding.addAndGet(n);
			this.subscription.request(n);
		}

		@Override
		public void onNext(DataBuffer buffer) {
			DataBufferUtils.release(buffer);
			if (this.outstanding.decrementAndGet() < 0) {
				this.overflow.incrementAndGet();
			}
			ThreadLocalRandom random = ThreadLocalRandom.current();
			if (random.nextInt(40) == 0) {
				cancel();
				return;
			}
			if (this.outstanding.get() == 0) {
				// a pause, possibly longer than the idle limit, then more demand
				int more = random.nextInt(1, 4);
				Schedulers.parallel().schedule(() -> request(more), random.nextLong(0, 4_000_000), TimeUnit.NANOSECONDS);
			}
		}

	}

	/**
	 * Returns a factory whose {@code Schedulers.parallel()} hands its delayed tasks to
	 * {@code delayed} and everything else to Reactor's own parallel scheduler.
	 */
	private static Schedulers.Factory delayedTasks(DelayedSchedule delayed) {
		return new Schedulers.Factory() {

			@Override
			public Scheduler newParallel(int parallelism, ThreadFactory threadFactory) {
				Scheduler delegate = Schedulers.Factory.super.newParallel(parallelism, threadFactory);
				return new Scheduler() {

					@Override
					public Disposable schedule(Runnable task) {
						return delegate.schedule(task);
					}

					@Override
					public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
						return delayed.schedule(delegate, task, delay, unit);
					}

					@Override
					public Worker createWorker() {
						return delegate.createWorker();
					}

					@Override
					public void dispose() {
						delegate.dispose();
					}

					@Override
					public void init() {
						delegate.init();
					}

				};
			}

		};
	}

	/** How a delayed task is scheduled on Reactor's own scheduler. */
	@FunctionalInterface
	private interface DelayedSchedule {

		Disposable schedule(Scheduler delegate, Runnable task, long delay, TimeUnit unit);

	}

}
