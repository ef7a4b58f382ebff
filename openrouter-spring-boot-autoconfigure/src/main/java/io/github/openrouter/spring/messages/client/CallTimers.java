package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

/**
 * Deadline and idle timeouts that cost one scheduled task per call, not one per element:
 * Reactor's {@code timeout} operator re-arms a timer for every element, which on a stream of
 * thousands of events costs more CPU than decoding them.
 *
 * @since 0.1.0
 */
final class CallTimers {

	private CallTimers() {
	}

	/**
	 * Ends a flux with an error once a budget has passed since subscription, cancelling it.
	 * @param <T> the element type
	 * @param source the flux to bound
	 * @param budget the time budget
	 * @param timer the scheduler that measures time
	 * @param error the error signalled when the budget runs out
	 * @return the bounded flux
	 */
	static <T> Flux<T> withDeadline(Flux<T> source, Duration budget, Scheduler timer, Supplier<Throwable> error) {
		return Flux.defer(() -> {
			AtomicBoolean expired = new AtomicBoolean();
			return untilExpired(source, Mono.delay(budget, timer).doOnNext((tick) -> expired.set(true)), expired,
					error);
		});
	}

	/**
	 * Ends a flux with an error when no element arrived for a while, cancelling it. The silence
	 * is measured from subscription and from each element.
	 * @param <T> the element type
	 * @param source the flux to watch
	 * @param idle the longest silence allowed
	 * @param timer the scheduler that measures time
	 * @param error the error signalled on a silence that is too long
	 * @return the watched flux
	 */
	static <T> Flux<T> withIdleTimeout(Flux<T> source, Duration idle, Scheduler timer, Supplier<Throwable> error) {
		return Flux.defer(() -> {
			IdleWatch watch = new IdleWatch(timer, idle.toNanos());
			return untilExpired(source.doOnNext((element) -> watch.touch()), watch.expiry(), watch.expired, error);
		});
	}

	private static <T> Flux<T> untilExpired(Flux<T> source, Mono<?> expiry, AtomicBoolean expired,
			Supplier<Throwable> error) {
		AtomicBoolean completed = new AtomicBoolean();
		return source.doOnComplete(() -> completed.set(true))
			.takeUntilOther(expiry)
			.concatWith(Flux.defer(() -> (expired.get() && !completed.get()) ? Flux.error(error.get()) : Flux.empty()));
	}

	/**
	 * One lazily re-armed task: when it fires it either reports the silence or re-arms itself at
	 * the time the last element arrived plus the allowed silence.
	 */
	private static final class IdleWatch {

		private final Scheduler timer;

		private final long idleNanos;

		private final AtomicBoolean expired = new AtomicBoolean();

		private volatile long lastNanos;

		IdleWatch(Scheduler timer, long idleNanos) {
			this.timer = timer;
			this.idleNanos = idleNanos;
			this.lastNanos = timer.now(TimeUnit.NANOSECONDS);
		}

		void touch() {
			this.lastNanos = this.timer.now(TimeUnit.NANOSECONDS);
		}

		Mono<Boolean> expiry() {
			return Mono.create((sink) -> {
				Disposable.Swap task = Disposables.swap();
				sink.onDispose(task);
				arm(sink, task, this.idleNanos);
			});
		}

		private void arm(MonoSink<Boolean> sink, Disposable.Swap task, long delayNanos) {
			task.update(this.timer.schedule(() -> {
				long silent = this.timer.now(TimeUnit.NANOSECONDS) - this.lastNanos;
				if (silent >= this.idleNanos) {
					this.expired.set(true);
					sink.success(true);
				}
				else {
					arm(sink, task, this.idleNanos - silent);
				}
			}, delayNanos, TimeUnit.NANOSECONDS));
		}

	}

}
