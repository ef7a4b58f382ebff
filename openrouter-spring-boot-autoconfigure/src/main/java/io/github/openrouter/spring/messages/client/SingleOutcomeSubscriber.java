package io.github.openrouter.spring.messages.client;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Operators;

/**
 * Base of the client's small single-value operators that race a timer: the source's signals,
 * the timer and a cancellation all go through one compare-and-set, so exactly one of them ends
 * the call, disposes the timer task and (unless it came from the source) cancels the source.
 *
 * @param <I> the source's element type
 * @param <O> the value type passed on
 * @since 0.1.0
 */
abstract class SingleOutcomeSubscriber<I, O> extends Operators.MonoSubscriber<I, O> {

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<SingleOutcomeSubscriber> TERMINATED = AtomicIntegerFieldUpdater
		.newUpdater(SingleOutcomeSubscriber.class, "terminated");

	private @Nullable Subscription upstream;

	private volatile int terminated;

	private volatile @Nullable Disposable timerTask;

	SingleOutcomeSubscriber(CoreSubscriber<? super O> actual) {
		super(actual);
	}

	/**
	 * Keeps the source's subscription and passes this subscriber on downstream.
	 * @param subscription the source's subscription
	 * @return whether the subscription was the first one
	 */
	final boolean accept(Subscription subscription) {
		if (!Operators.validate(this.upstream, subscription)) {
			return false;
		}
		this.upstream = subscription;
		this.actual.onSubscribe(this);
		return true;
	}

	/**
	 * Keeps the timer task to dispose when the call ends, disposing it at once if it has ended.
	 * @param task the task
	 */
	final void timerTask(Disposable task) {
		this.timerTask = task;
		if (isTerminated()) {
			task.dispose();
		}
	}

	/**
	 * Ends the call if nothing has yet, disposing the timer task.
	 * @return whether this caller ended the call and must signal downstream
	 */
	final boolean terminate() {
		if (!TERMINATED.compareAndSet(this, 0, 1)) {
			return false;
		}
		Disposable task = this.timerTask;
		if (task != null) {
			task.dispose();
		}
		return true;
	}

	final boolean isTerminated() {
		return this.terminated != 0;
	}

	/**
	 * Ends the call with an error not signalled by the source (timer, size bound), cancelling it.
	 * @param error the error
	 */
	final void failAndCancel(Throwable error) {
		if (terminate()) {
			cancelUpstream();
			this.actual.onError(error);
		}
	}

	@Override
	public void onError(Throwable failure) {
		// After the timer or a bound ended the call, a late error from the source is moot.
		if (terminate()) {
			this.actual.onError(failure);
		}
	}

	@Override
	public void cancel() {
		super.cancel();
		if (terminate()) {
			cancelUpstream();
		}
	}

	private void cancelUpstream() {
		Subscription subscription = this.upstream;
		if (subscription != null) {
			subscription.cancel();
		}
	}

}
