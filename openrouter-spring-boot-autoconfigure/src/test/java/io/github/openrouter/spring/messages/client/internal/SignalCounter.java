package io.github.openrouter.spring.messages.client.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;

/**
 * A subscriber for the stress tests that counts its terminal signals without the guards of
 * {@code BaseSubscriber} (which would hide a second one); subclasses choose the demand.
 *
 * @param <T> the element type
 */
abstract class SignalCounter<T> implements CoreSubscriber<T> {

	final AtomicInteger terminals = new AtomicInteger();

	final AtomicBoolean completed = new AtomicBoolean();

	final AtomicBoolean cancelled = new AtomicBoolean();

	final AtomicReference<@Nullable Throwable> error = new AtomicReference<>();

	volatile @Nullable Subscription subscription;

	boolean ended() {
		return this.terminals.get() > 0 || this.cancelled.get();
	}

	void cancel() {
		this.cancelled.set(true);
		this.subscription.cancel();
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.subscription = subscription;
	}

	@Override
	public void onError(Throwable failure) {
		this.error.set(failure);
		this.terminals.incrementAndGet();
	}

	@Override
	public void onComplete() {
		this.completed.set(true);
		this.terminals.incrementAndGet();
	}

}
