package io.github.openrouter.spring.messages.client.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Supplier;

import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Fails a body when the server stays silent for too long while the reader waits for data: the
 * clock runs only while the downstream has outstanding demand, so a reader that pauses (asks for
 * nothing more) is never timed out however long it pauses, while a server that stops sending
 * is. Reactor's {@code timeout} counts from each element whatever the demand, which would count
 * the reader's pauses.
 *
 * <p>
 * Each element and each terminal signal moves an index; a timer task armed for index {@code i}
 * ends the body only if the index is still {@code i} (a compare-and-set, so either the element or
 * the timeout wins). The timer runs on {@link Schedulers#parallel()}, looked up each time it is
 * armed. Buffers that arrive after the end are released. Signals to the downstream are serialized
 * ({@link Operators#serialize}), since the timer fires on its own thread.
 */
final class IdleTimeout extends FluxOperator<DataBuffer, DataBuffer> {

	private final long idleNanos;

	private final Supplier<Throwable> error;

	private IdleTimeout(Flux<DataBuffer> source, long idleNanos, Supplier<Throwable> error) {
		super(source);
		this.idleNanos = idleNanos;
		this.error = error;
	}

	/**
	 * Limits the silence of a body while its reader has demand.
	 * @param body the body
	 * @param idleNanos the longest silence with outstanding demand, in nanoseconds
	 * @param error the error a silence that is too long ends the body with
	 * @return the limited body
	 */
	static Flux<DataBuffer> limit(Flux<DataBuffer> body, long idleNanos, Supplier<Throwable> error) {
		return new IdleTimeout(body, idleNanos, error);
	}

	@Override
	public void subscribe(CoreSubscriber<? super DataBuffer> actual) {
		this.source.subscribe(new IdleSubscriber(Operators.serialize(actual), this.idleNanos, this.error));
	}

	private static final class IdleSubscriber implements CoreSubscriber<DataBuffer>, Subscription {

		private static final AtomicLongFieldUpdater<IdleSubscriber> INDEX = AtomicLongFieldUpdater
			.newUpdater(IdleSubscriber.class, "index");

		private static final AtomicLongFieldUpdater<IdleSubscriber> REQUESTED = AtomicLongFieldUpdater
			.newUpdater(IdleSubscriber.class, "requested");

		/** The index of a body that has ended (completed, failed, timed out or cancelled). */
		private static final long ENDED = Long.MIN_VALUE;

		private final CoreSubscriber<? super DataBuffer> actual;

		private final long idleNanos;

		private final Supplier<Throwable> error;

		private final Disposable.Swap timer = Disposables.swap();

		private Subscription upstream = Operators.emptySubscription();

		private volatile long index;

		private volatile long requested;

		IdleSubscriber(CoreSubscriber<? super DataBuffer> actual, long idleNanos, Supplier<Throwable> error) {
			this.actual = actual;
			this.idleNanos = idleNanos;
			this.error = error;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (this.upstream != Operators.emptySubscription()) {
				subscription.cancel();
				Operators.reportSubscriptionSet();
				return;
			}
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}

		@Override
		public void onNext(DataBuffer buffer) {
			long current = this.index;
			if (current == ENDED || !INDEX.compareAndSet(this, current, current + 1)) {
				// the body ended (a timeout won the race): nobody will read this buffer
				DataBufferUtils.release(buffer);
				return;
			}
			REQUESTED.getAndUpdate(this, (n) -> (n == Long.MAX_VALUE || n == 0) ? n : n - 1);
			this.actual.onNext(buffer);
			armWhileDemanded();
		}

		@Override
		public void onError(Throwable failure) {
			if (INDEX.getAndSet(this, ENDED) != ENDED) {
				this.timer.dispose();
				this.actual.onError(failure);
			}
			else {
				Operators.onErrorDropped(failure, currentContext());
			}
		}

		@Override
		public void onComplete() {
			if (INDEX.getAndSet(this, ENDED) != ENDED) {
				this.timer.dispose();
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			if (Operators.validate(n)) {
				long before = Operators.addCap(REQUESTED, this, n);
				if (before == 0) {
					arm(this.index);
				}
				this.upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			if (INDEX.getAndSet(this, ENDED) != ENDED) {
				this.timer.dispose();
				this.upstream.cancel();
			}
		}

		/**
		 * Arms the clock for the next element if the downstream still wants one, else stops it; a
		 * request racing the stop is seen by the second look.
		 */
		private void armWhileDemanded() {
			long current = this.index;
			if (this.requested > 0) {
				arm(current);
				return;
			}
			this.timer.update(Disposables.disposed());
			if (this.requested > 0) {
				arm(current);
			}
		}

		private void arm(long expected) {
			if (expected == ENDED) {
				return;
			}
			Disposable task;
			try {
				task = Schedulers.parallel().schedule(() -> expire(expected), this.idleNanos, TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				// a scheduler that refuses (disposed): without a clock the body must not wait forever
				end(ex);
				return;
			}
			this.timer.update(task);
			long now = this.index;
			if (now == ENDED) {
				this.timer.dispose();
			}
			else if (now != expected) {
				// an element moved on while arming, and this task may have replaced the element's own
				armWhileDemanded();
			}
		}

		private void expire(long expected) {
			if (INDEX.compareAndSet(this, expected, ENDED)) {
				this.timer.dispose();
				this.upstream.cancel();
				this.actual.onError(this.error.get());
			}
		}

		private void end(Throwable failure) {
			if (INDEX.getAndSet(this, ENDED) != ENDED) {
				this.timer.dispose();
				this.upstream.cancel();
				this.actual.onError(failure);
			}
		}

	}

}
