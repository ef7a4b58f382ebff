package io.github.openrouter.spring.benchmarks;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Counts what a batch of concurrent streams delivered: text deltas, characters, completions and
 * failures; one listener per stream feeds it.
 *
 * @since 0.1.0
 */
final class StreamTally {

	private final AtomicLong deltas = new AtomicLong();

	private final AtomicLong chars = new AtomicLong();

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

	private final CountDownLatch ended;

	StreamTally(int streams) {
		this.ended = new CountDownLatch(streams);
	}

	/**
	 * Returns a listener for one more stream of this batch.
	 */
	StreamListener listener() {
		return new StreamListener() {

			@Override
			public void onText(String text) {
				StreamTally.this.deltas.incrementAndGet();
				StreamTally.this.chars.addAndGet(text.length());
			}

			@Override
			public void onComplete() {
				StreamTally.this.completed.incrementAndGet();
				StreamTally.this.ended.countDown();
			}

			@Override
			public void onError(Throwable error) {
				StreamTally.this.failed.incrementAndGet();
				StreamTally.this.firstFailure.compareAndSet(null, error);
				StreamTally.this.ended.countDown();
			}

		};
	}

	long deltas() {
		return this.deltas.get();
	}

	long chars() {
		return this.chars.get();
	}

	long completed() {
		return this.completed.get();
	}

	long failed() {
		return this.failed.get();
	}

	@Nullable Throwable firstFailure() {
		return this.firstFailure.get();
	}

	/**
	 * Waits until every stream ended.
	 * @param timeout the longest wait
	 * @return whether every stream ended in time
	 */
	boolean awaitEnd(Duration timeout) throws InterruptedException {
		return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Waits until the streams delivered at least {@code target} deltas in all, polling: the benchmark
	 * harness has no event to wait on for "the server stalled".
	 * @param target the number of deltas
	 * @param timeout the longest wait
	 * @return whether the target was reached in time
	 */
	boolean awaitDeltas(long target, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.deltas.get() < target) {
			if (System.nanoTime() > deadline || this.ended.getCount() == 0) {
				return this.deltas.get() >= target;
			}
			Thread.sleep(20);
		}
		return true;
	}

}
