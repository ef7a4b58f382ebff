package io.github.openrouter.spring.messages.streaming.internal;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Blocking iterator over a {@link Flux} that holds at most a fixed number of elements: it
 * requests more from the source only as the reader takes them, so a slow reader slows the
 * source down instead of growing the heap.
 *
 * <p>
 * Elements are handed over in batches: the reader takes every element buffered so far in
 * one step and then reads them without locking, and when the source says where a batch of
 * elements ends (an {@link EventBatchListener} in its subscriber context, as
 * {@link StreamEventDecoder} uses for the events of one body chunk) a waiting reader is woken
 * once per batch, or when the requested elements have all arrived, rather than once per
 * element. Without that information it is woken for each element.
 *
 * <p>
 * It subscribes on construction. Waiting for an element on a Reactor non-blocking thread
 * (an event loop or a parallel scheduler) fails with {@link IllegalStateException} instead
 * of blocking that thread. {@link #close()} cancels the subscription. One reader thread at a
 * time; the source may signal from any thread.
 *
 * @param <T> the element type
 */
final class BlockingEventIterator<T> implements Iterator<T>, AutoCloseable {

	private final int bufferSize;

	private final int replenishThreshold;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition signalled = this.lock.newCondition();

	/** Filled by the source, under the lock. */
	private ArrayDeque<T> queue;

	/** Elements the reader took over from {@link #queue} in one step; reader only. */
	private ArrayDeque<T> batch;

	private final Receiver receiver = new Receiver();

	private @Nullable Subscription subscription;

	private @Nullable Throwable error;

	private boolean done;

	private volatile boolean closed;

	/** Elements requested from the source and not yet received; under the lock. */
	private long outstanding;

	/** Elements taken by the reader since it last requested more; reader only. */
	private int taken;

	/** The thread delivering a batch that the source will report the end of; under the lock. */
	private @Nullable Thread batchThread;

	/** Whether elements were queued during a batch without waking the reader; under the lock. */
	private boolean unsignalled;

	/** How many times the source side woke the reader; under the lock. */
	private int wakeUps;

	BlockingEventIterator(Flux<T> source, int bufferSize) {
		if (bufferSize <= 0) {
			throw new IllegalArgumentException("bufferSize must be positive but was " + bufferSize);
		}
		this.bufferSize = bufferSize;
		this.replenishThreshold = Math.max(1, bufferSize - (bufferSize >> 2));
		this.queue = new ArrayDeque<>(bufferSize);
		this.batch = new ArrayDeque<>(bufferSize);
		source.subscribe(this.receiver);
	}

	@Override
	public boolean hasNext() {
		if (this.closed) {
			this.batch.clear();
			return false;
		}
		if (!this.batch.isEmpty()) {
			return true;
		}
		this.lock.lock();
		try {
			while (true) {
				if (this.closed) {
					return false;
				}
				if (!this.queue.isEmpty()) {
					ArrayDeque<T> filled = this.queue;
					this.queue = this.batch;
					this.batch = filled;
					return true;
				}
				if (this.done) {
					Throwable failure = this.error;
					if (failure != null) {
						throw propagate(failure);
					}
					return false;
				}
				awaitSignal();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException("No more stream events");
		}
		T element = this.batch.poll();
		this.taken++;
		if (this.taken >= this.replenishThreshold) {
			long toRequest = this.taken;
			this.taken = 0;
			Subscription current;
			this.lock.lock();
			try {
				this.outstanding += toRequest;
				current = this.subscription;
			}
			finally {
				this.lock.unlock();
			}
			if (current != null) {
				current.request(toRequest);
			}
		}
		return element;
	}

	/**
	 * Returns whether the source has ended, normally or with an error, and every element was
	 * taken, or the iterator was closed. Reader thread only.
	 * @return {@code true} once nothing more can come
	 */
	boolean isTerminated() {
		this.lock.lock();
		try {
			return this.closed || (this.done && this.queue.isEmpty() && this.batch.isEmpty());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns how many elements are buffered and not yet taken. Exact on the reader thread.
	 * @return the number of buffered elements, at most the buffer size
	 */
	int buffered() {
		this.lock.lock();
		try {
			return this.queue.size() + this.batch.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Returns whether a reader is waiting for the next element.
	 * @return {@code true} while a reader blocks in {@link #hasNext()}
	 */
	boolean hasWaitingReader() {
		this.lock.lock();
		try {
			return this.lock.hasWaiters(this.signalled);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Cancels the subscription and drops buffered elements; later calls to {@link #hasNext()}
	 * return {@code false}.
	 */
	@Override
	public void close() {
		Subscription current;
		boolean terminated;
		this.lock.lock();
		try {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.queue.clear();
			current = this.subscription;
			terminated = this.done;
			this.signalled.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (current != null && !terminated) {
			current.cancel();
		}
	}

	/**
	 * Returns how many times the source woke the reader because elements arrived.
	 * @return the number of wake-ups so far
	 */
	int wakeUps() {
		this.lock.lock();
		try {
			return this.wakeUps;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Wakes a waiting reader; under the lock. */
	private void wakeReader() {
		this.unsignalled = false;
		this.wakeUps++;
		this.signalled.signalAll();
	}

	private void awaitSignal() {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("Waiting for the next stream event would block the non-blocking thread "
					+ Thread.currentThread().getName() + "; use ReactiveMessagesClient.stream on this thread");
		}
		try {
			this.signalled.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.lock.unlock();
			try {
				close();
			}
			finally {
				this.lock.lock();
			}
			throw new IllegalStateException("Interrupted while waiting for the next stream event; the stream was closed",
					ex);
		}
	}

	private static RuntimeException propagate(Throwable failure) {
		RuntimeException exception = (failure instanceof RuntimeException runtime) ? runtime
				: Exceptions.propagate(failure);
		return exception;
	}

	private final class Receiver implements CoreSubscriber<T>, EventBatchListener {

		private final Context context = Context.of(EventBatchListener.CONTEXT_KEY, this);

		@Override
		public Context currentContext() {
			return this.context;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			BlockingEventIterator<T> outer = BlockingEventIterator.this;
			if (!Operators.validate(outer.subscription, subscription)) {
				return;
			}
			boolean cancel;
			outer.lock.lock();
			try {
				outer.subscription = subscription;
				cancel = outer.closed;
				if (!cancel) {
					outer.outstanding = outer.bufferSize;
				}
			}
			finally {
				outer.lock.unlock();
			}
			if (cancel) {
				subscription.cancel();
			}
			else {
				subscription.request(outer.bufferSize);
			}
		}

		@Override
		public void onNext(T element) {
			BlockingEventIterator<T> outer = BlockingEventIterator.this;
			boolean overflow = false;
			outer.lock.lock();
			try {
				if (outer.closed || outer.done) {
					return;
				}
				if (outer.outstanding <= 0) {
					overflow = true;
				}
				else {
					outer.outstanding--;
					outer.queue.add(element);
					if (outer.outstanding == 0 || outer.batchThread != Thread.currentThread()) {
						outer.wakeReader();
					}
					else {
						// the end of the batch, on this thread, wakes the reader
						outer.unsignalled = true;
					}
				}
			}
			finally {
				outer.lock.unlock();
			}
			if (overflow) {
				Subscription current = outer.subscription;
				if (current != null) {
					current.cancel();
				}
				onError(Exceptions.failWithOverflow("Stream source sent more events than requested"));
			}
		}

		@Override
		public void batchStarted() {
			BlockingEventIterator<T> outer = BlockingEventIterator.this;
			outer.lock.lock();
			try {
				outer.batchThread = Thread.currentThread();
			}
			finally {
				outer.lock.unlock();
			}
		}

		@Override
		public void batchEnded() {
			BlockingEventIterator<T> outer = BlockingEventIterator.this;
			outer.lock.lock();
			try {
				outer.batchThread = null;
				if (outer.unsignalled) {
					outer.wakeReader();
				}
			}
			finally {
				outer.lock.unlock();
			}
		}

		@Override
		public void onError(Throwable failure) {
			terminate(failure);
		}

		@Override
		public void onComplete() {
			terminate(null);
		}

		private void terminate(@Nullable Throwable failure) {
			BlockingEventIterator<T> outer = BlockingEventIterator.this;
			outer.lock.lock();
			try {
				if (outer.done) {
					return;
				}
				outer.done = true;
				outer.error = failure;
				outer.batchThread = null;
				outer.unsignalled = false;
				outer.signalled.signalAll();
			}
			finally {
				outer.lock.unlock();
			}
		}

	}

}
