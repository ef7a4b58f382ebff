package io.github.openrouter.spring.messages.observation.internal;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext.Outcome;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * One subscription to an observed call: passes every signal through and stops the call's
 * {@link Observation} exactly once, on the first of success, error or cancellation, before the
 * signal reaches the subscriber. Replaces {@code doOnSuccess}/{@code doOnError}/{@code doOnCancel}
 * and (unless automatic context propagation is on) {@code contextWrite}: the observation is put
 * in the Reactor context seen upstream.
 *
 * @param <T> the type of the values
 */
abstract class ObservingSubscriber<T> implements CoreSubscriber<T>, Subscription, Scannable {

	private static final Logger logger = LoggerFactory.getLogger(MessagesObserver.class);

	@SuppressWarnings("rawtypes")
	private static final AtomicIntegerFieldUpdater<ObservingSubscriber> STOPPED = AtomicIntegerFieldUpdater
		.newUpdater(ObservingSubscriber.class, "stopped");

	final CoreSubscriber<? super T> actual;

	final MessagesObservationContext context;

	private final Observation observation;

	private final boolean restoreThreadLocals;

	private final Context reactorContext;

	private @Nullable Subscription upstream;

	private volatile int stopped;

	ObservingSubscriber(CoreSubscriber<? super T> actual, MessagesObservationContext context,
			Observation observation) {
		this.actual = actual;
		this.context = context;
		this.observation = observation;
		this.restoreThreadLocals = Hooks.isAutomaticContextPropagationEnabled();
		this.reactorContext = this.restoreThreadLocals ? actual.currentContext()
				: actual.currentContext().put(MessagesObserver.OBSERVATION_KEY, observation);
	}

	/**
	 * Subscribes to the call. With automatic context propagation, Reactor sets thread locals
	 * (the current observation among them) from the Reactor context only around
	 * {@code contextWrite}, so the observation is then written by one, as it used to be.
	 * @param call the call
	 */
	final void subscribeTo(Mono<? extends T> call) {
		if (this.restoreThreadLocals) {
			call.contextWrite(Context.of(MessagesObserver.OBSERVATION_KEY, this.observation)).subscribe(this);
		}
		else {
			call.subscribe(this);
		}
	}

	/**
	 * Subscribes to the stream, like {@link #subscribeTo(Mono)}.
	 * @param call the stream
	 */
	final void subscribeTo(Flux<? extends T> call) {
		if (this.restoreThreadLocals) {
			call.contextWrite(Context.of(MessagesObserver.OBSERVATION_KEY, this.observation)).subscribe(this);
		}
		else {
			call.subscribe(this);
		}
	}

	/**
	 * Returns the response to record when the call ends without one: for a stream, what its
	 * events reported so far.
	 * @return the partial response, or {@code null}
	 */
	abstract @Nullable MessageResponse partialResponse();

	@Override
	public final Context currentContext() {
		return this.reactorContext;
	}

	@Override
	public final void onSubscribe(Subscription subscription) {
		this.upstream = subscription;
		this.actual.onSubscribe(this);
	}

	@Override
	public void onComplete() {
		stop(Outcome.SUCCESS, null, partialResponse());
		this.actual.onComplete();
	}

	@Override
	public final void onError(Throwable error) {
		stop(Outcome.ERROR, error, partialResponse());
		this.actual.onError(error);
	}

	@Override
	public final void request(long n) {
		this.upstream.request(n);
	}

	@Override
	public final void cancel() {
		stop(Outcome.CANCELLED, null, partialResponse());
		this.upstream.cancel();
	}

	@Override
	public @Nullable Object scanUnsafe(Attr key) {
		if (key == Attr.PARENT) {
			return this.upstream;
		}
		if (key == Attr.ACTUAL) {
			return this.actual;
		}
		if (key == Attr.TERMINATED) {
			return this.stopped != 0;
		}
		if (key == Attr.RUN_STYLE) {
			return Attr.RunStyle.SYNC;
		}
		return null;
	}

	/**
	 * Stops the observation unless it was stopped already.
	 * @param outcome how the call ended
	 * @param error the failure, or {@code null}
	 * @param response the (partial) response, or {@code null}
	 */
	final void stop(Outcome outcome, @Nullable Throwable error, @Nullable MessageResponse response) {
		if (this.stopped != 0 || !STOPPED.compareAndSet(this, 0, 1)) {
			return;
		}
		try {
			this.context.setResponse(response);
			this.context.setOutcome(outcome);
			if (error != null) {
				this.observation.error(error);
			}
			this.observation.stop();
		}
		catch (RuntimeException ex) {
			// Observability must never fail the call it observes.
			logger.warn("Failed to record the observation of an OpenRouter messages call", ex);
		}
	}

}
