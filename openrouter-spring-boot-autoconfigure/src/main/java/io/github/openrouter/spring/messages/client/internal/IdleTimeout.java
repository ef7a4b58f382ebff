package io.github.openrouter.spring.messages.client.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
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
 * Each element and each request after none restarts the clock by writing the time (an element
 * also moves an index); one timer task per body, started by the first request, compares that
 * time with the limit when it runs and schedules itself again for the time left, so a busy body
 * schedules a task once per idle period rather than once per buffer. A silence found too long
 * ends the body only if the index has not moved since (a compare-and-set, so either the element
 * or the timeout wins). The time and the timer are those of {@link Schedulers#parallel()}
 * (its {@code now} is the wall clock, to the millisecond, or a test's virtual time), looked up each time they are used. Buffers that
 * arrive after the end are released. Signals to the downstream are serialized
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

	private static final class IdleSubscriber implements CoreSubscriber<DataBuffer>, Subscription, Runnable {

		private static final AtomicLongFieldUpdater<IdleSubscriber> INDEX = AtomicLongFieldUpdater
			.newUpdater(IdleSubscriber.class, "index");

		private static final AtomicLongFieldUpdater<IdleSubscriber> REQUESTED = AtomicLongFieldUpdater
			.newUpdater(IdleSubscriber.class, "requested");

		private static final AtomicIntegerFieldUpdater<IdleSubscriber> STARTED = AtomicIntegerFieldUpdater
			.newUpdater(IdleSubscriber.class, "started");

		/** The index of a body that has ended (completed, failed, timed out or cancelled). */
		private static final long ENDED = Long.MIN_VALUE;

		private final CoreSubscriber<? super DataBuffer> actual;

		private final long idleNanos;

		private final Supplier<Throwable> error;

		private final Disposable.Swap timer = Disposables.swap();

		private Subscription upstream = Operators.emptySubscription();

		private volatile long index;

		private volatile long requested;

		/** When the clock last started: the last element, or a request after none. */
		private volatile long since;

		/** 1 once the timer task was started by the first request. */
		private volatile int started;

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
			if (current != ENDED) {
				// written before the index moves: a timer that sees the new index sees this time
				this.since = now();
			}
			if (current == ENDED || !INDEX.compareAndSet(this, current, current + 1)) {
				// the body ended (a timeout won the race): nobody will read this buffer
				DataBufferUtils.release(buffer);
				return;
			}
			REQUESTED.getAndUpdate(this, (n) -> (n == Long.MAX_VALUE || n == 0) ? n : n - 1);
			this.actual.onNext(buffer);
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
				if (this.requested == 0) {
					// the clock restarts with demand after none; written before the demand is
					this.since = now();
				}
				Operators.addCap(REQUESTED, this, n);
				if (this.started == 0 && STARTED.compareAndSet(this, 0, 1)) {
					schedule(this.idleNanos);
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
		 * The timer task: ends the body if the reader has been waiting longer than the limit since
		 * the clock last started, else looks again when the limit would be reached (or, while the
		 * reader asks for nothing, a whole limit later).
		 */
		@Override
		public void run() {
			for (;;) {
				long current = this.index;
				if (current == ENDED) {
					return;
				}
				long wait = this.idleNanos;
				if (this.requested > 0) {
					long silence = now() - this.since;
					if (silence < this.idleNanos) {
						wait = this.idleNanos - silence;
					}
					else if (INDEX.compareAndSet(this, current, ENDED)) {
						this.timer.dispose();
						this.upstream.cancel();
						this.actual.onError(this.error.get());
						return;
					}
					else {
						// an element or the end came meanwhile
						continue;
					}
				}
				schedule(wait);
				return;
			}
		}

		private void schedule(long delayNanos) {
			Disposable task;
			try {
				task = Schedulers.parallel().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				// a scheduler that refuses (disposed): without a clock the body must not wait forever
				end(ex);
				return;
			}
			// the task that ran is done: replaced, not disposed; a swap already disposed disposes it
			this.timer.replace(task);
			if (this.index == ENDED) {
				this.timer.dispose();
			}
		}

		private static long now() {
			return Schedulers.parallel().now(TimeUnit.NANOSECONDS);
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
