package io.github.openrouter.spring.messages.client;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * A {@link Mono} that fails with an error, cancelling its source, when the source has not
 * produced its value within a time limit: what {@code Mono.timeout(Duration, Mono.error(...),
 * Scheduler)} does, with one timer task and one subscriber instead of a delay publisher, a
 * fallback subscription and their bookkeeping on every call.
 *
 * @param <T> the value type
 * @since 0.1.0
 */
final class TimeLimitedMono<T> extends Mono<T> {

	private final Mono<T> source;

	private final Scheduler timer;

	private final long limitNanos;

	private final Supplier<Throwable> error;

	private final Consumer<? super T> dropped;

	private TimeLimitedMono(Mono<T> source, Scheduler timer, long limitNanos, Supplier<Throwable> error,
			Consumer<? super T> dropped) {
		this.source = source;
		this.timer = timer;
		this.limitNanos = limitNanos;
		this.error = error;
		this.dropped = dropped;
	}

	/**
	 * Limits the time a {@link Mono} may take to produce its value or complete.
	 * @param <T> the value type
	 * @param source the source
	 * @param timer the scheduler that measures the time
	 * @param limitNanos the limit
	 * @param error the error signalled when the limit is reached
	 * @return the limited mono
	 */
	static <T> Mono<T> limit(Mono<T> source, Scheduler timer, long limitNanos, Supplier<Throwable> error) {
		return new TimeLimitedMono<>(source, timer, limitNanos, error, (value) -> {
		});
	}

	/**
	 * Limits the time a {@link Mono} may take, releasing a value that arrives too late.
	 * @param <T> the value type
	 * @param source the source
	 * @param timer the scheduler that measures the time
	 * @param limitNanos the limit
	 * @param error the error signalled when the limit is reached
	 * @param dropped releases a value that arrived after the limit was reached
	 * @return the limited mono
	 */
	static <T> Mono<T> limit(Mono<T> source, Scheduler timer, long limitNanos, Supplier<Throwable> error,
			Consumer<? super T> dropped) {
		return new TimeLimitedMono<>(source, timer, limitNanos, error, dropped);
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		this.source.subscribe(new LimitSubscriber<>(actual, this.timer, this.limitNanos, this.error, this.dropped));
	}

	/**
	 * Passes the source's outcome on, unless the timer fired first.
	 */
	private static final class LimitSubscriber<T> extends SingleOutcomeSubscriber<T, T> {

		private final Scheduler timer;

		private final long limitNanos;

		private final Supplier<Throwable> error;

		private final Consumer<? super T> dropped;

		LimitSubscriber(CoreSubscriber<? super T> actual, Scheduler timer, long limitNanos, Supplier<Throwable> error,
				Consumer<? super T> dropped) {
			super(actual);
			this.timer = timer;
			this.limitNanos = limitNanos;
			this.error = error;
			this.dropped = dropped;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (accept(subscription)) {
				timerTask(this.timer.schedule(() -> failAndCancel(this.error.get()), this.limitNanos,
						TimeUnit.NANOSECONDS));
				if (!isTerminated()) {
					subscription.request(Long.MAX_VALUE);
				}
			}
		}

		@Override
		public void onNext(T value) {
			if (terminate()) {
				complete(value);
			}
			else {
				this.dropped.accept(value);
			}
		}

		@Override
		public void onComplete() {
			if (terminate()) {
				this.actual.onComplete();
			}
		}

	}

}
