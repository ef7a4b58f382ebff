package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Emits the elements of its source up to and including the first that matches a predicate (a
 * stream's {@code message_stop}), then completes at once, and keeps reading the source to its
 * end, ignoring what follows (elements are discarded, the source's error or completion dropped).
 * Reactor's {@code takeUntil} cancels the source instead, which closes the connection of an HTTP
 * body not yet read to its end (the terminating chunk usually arrives just after the last
 * event), so every stream would open a new connection, with its TLS handshake. The drain is
 * bounded: a source that has not ended within the drain limit after the stop element (a body held
 * open, or kept alive with comments) is cancelled then, by a task on {@link Schedulers#parallel()}.
 *
 * <p>
 * A cancel before the stop element cancels the source; once that element has matched, the
 * downstream is done and its cancel or requests no longer reach the source.
 *
 * @param <T> the type of the elements
 */
final class StopThenDrain<T> extends FluxOperator<T, T> {

	private final Predicate<? super T> stop;

	private final Duration drainLimit;

	private StopThenDrain(Flux<? extends T> source, Predicate<? super T> stop, Duration drainLimit) {
		super(source);
		this.stop = stop;
		this.drainLimit = drainLimit;
	}

	/**
	 * Completes a flux at its first element that matches, and drains the rest.
	 * @param <T> the type of the elements
	 * @param source the source
	 * @param stop matches the last element to emit
	 * @param drainLimit how long the source may take to end after that element
	 * @return the flux
	 */
	static <T> Flux<T> stopAt(Flux<? extends T> source, Predicate<? super T> stop, Duration drainLimit) {
		return new StopThenDrain<>(source, stop, drainLimit);
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		this.source.subscribe(new StopSubscriber<>(actual, this.stop, this.drainLimit.toNanos()));
	}

	private static final class StopSubscriber<T> implements CoreSubscriber<T>, Subscription {

		private final CoreSubscriber<? super T> actual;

		private final Predicate<? super T> stop;

		private final long drainNanos;

		/** Cancels a drain that takes too long; disposed when the source ends. */
		private final Disposable.Swap drainTimer = Disposables.swap();

		private Subscription upstream;

		/** The stop element matched (or the source failed the predicate): the downstream is done. */
		private volatile boolean stopped;

		/** The source ended before the stop element. */
		private boolean done;

		StopSubscriber(CoreSubscriber<? super T> actual, Predicate<? super T> stop, long drainNanos) {
			this.actual = actual;
			this.stop = stop;
			this.drainNanos = drainNanos;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(T element) {
			if (this.done) {
				Operators.onNextDropped(element, this.actual.currentContext());
				return;
			}
			if (this.stopped) {
				// drained: nobody reads what follows the stop element
				Operators.onDiscard(element, this.actual.currentContext());
				return;
			}
			boolean last;
			try {
				last = this.stop.test(element);
			}
			catch (Throwable failure) {
				this.done = true;
				this.actual.onError(Operators.onOperatorError(this.upstream, failure, element, this.actual.currentContext()));
				return;
			}
			if (!last) {
				this.actual.onNext(element);
				return;
			}
			// set first: a downstream that cancels on this element no longer cancels the source
			this.stopped = true;
			this.actual.onNext(element);
			this.actual.onComplete();
			try {
				// before the request: the source's end, which may come within it, disposes the task
				this.drainTimer.update(Schedulers.parallel()
					.schedule(this.upstream::cancel, this.drainNanos, TimeUnit.NANOSECONDS));
			}
			catch (RejectedExecutionException ex) {
				// no clock to bound the drain: end it now
				this.upstream.cancel();
				return;
			}
			this.upstream.request(Long.MAX_VALUE);
		}

		@Override
		public void onError(Throwable failure) {
			if (this.done) {
				Operators.onErrorDropped(failure, this.actual.currentContext());
				return;
			}
			if (this.stopped) {
				// the answer was complete: what became of the rest of the body does not matter
				this.drainTimer.dispose();
				return;
			}
			this.done = true;
			this.actual.onError(failure);
		}

		@Override
		public void onComplete() {
			if (this.done) {
				return;
			}
			if (this.stopped) {
				this.drainTimer.dispose();
				return;
			}
			this.done = true;
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			if (!this.stopped) {
				this.upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			if (!this.stopped) {
				this.upstream.cancel();
			}
		}

	}

}
