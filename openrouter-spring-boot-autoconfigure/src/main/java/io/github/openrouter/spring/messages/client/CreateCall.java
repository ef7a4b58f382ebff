package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.Context;

/**
 * One non-streaming call as one operator: its attempts, the retry delays between them, the
 * first-byte, body-idle and total time limits, reading the body and decoding it.
 *
 * <p>
 * What a chain of Reactor operators would do (a deferred preparation, a total and a first-byte
 * timeout, retries on errors, a flat-map onto the body, error mapping at two levels) costs about a
 * dozen subscribers and three timer tasks per call; here a call costs one subscriber per attempt,
 * one for the body and <em>one</em> timer task, armed for the earliest limit that could apply and
 * re-armed when it fires early (a limit that moved on, a retry delay).
 *
 * <p>
 * Every outcome (the body's end, a failure, a time limit, the caller's cancellation) moves the
 * call's single {@code stage} field with a compare-and-set, so exactly one of them decides, and
 * the loser's signal is dropped (a late answer's body is cancelled, closing its connection).
 */
final class CreateCall extends Mono<MessageResponse> {

	private final Plan plan;

	private final MessageRequest request;

	private final RequestOptions options;

	private final Scheduler timer;

	CreateCall(Plan plan, MessageRequest request, RequestOptions options, Scheduler timer) {
		this.plan = plan;
		this.request = request;
		this.options = options;
		this.timer = timer;
	}

	@Override
	public void subscribe(CoreSubscriber<? super MessageResponse> actual) {
		RequestPreparer.Prepared call;
		try {
			call = this.plan.steps.prepare(this.request, this.options);
		}
		catch (Throwable failure) {
			Exceptions.throwIfJvmFatal(failure);
			Operators.error(actual, failure);
			return;
		}
		new Run(actual, this.plan, call, this.timer).start();
	}

	/**
	 * The client's part of a call: preparing, sending, decoding and translating failures.
	 */
	interface Steps {

		/**
		 * Serializes, merges and validates a request.
		 * @param request the request
		 * @param options the call's options
		 * @return the prepared call
		 */
		RequestPreparer.Prepared prepare(MessageRequest request, RequestOptions options);

		/**
		 * Sends one attempt and emits the head of its 2xx answer.
		 * @param call the prepared call
		 * @param startedNanos when the attempt started ({@link System#nanoTime()})
		 * @return the answer, its body unread
		 */
		Mono<ExchangeResponse> send(RequestPreparer.Prepared call, long startedNanos);

		/**
		 * Notes that the head of a 2xx answer arrived.
		 * @param status the status code
		 * @param startedNanos when the attempt started
		 */
		void received(int status, long startedNanos);

		/**
		 * Decodes a 2xx body.
		 * @param body the body
		 * @param headers the response headers
		 * @return the response
		 */
		MessageResponse decode(byte[] body, HttpHeaders headers);

		/**
		 * Translates a failure into the client's exception types.
		 * @param failure the failure
		 * @param inBody whether it happened while reading a 2xx body
		 * @return the translated failure
		 */
		Throwable translate(Throwable failure, boolean inBody);

	}

	/**
	 * What every call of one client shares: its steps, retry decisions and limits.
	 */
	static final class Plan {

		private final Steps steps;

		private final RetrySupport retry;

		private final ClientTimeouts timeouts;

		private final long firstByteNanos;

		private final long idleNanos;

		private final int maxBodyBytes;

		Plan(Steps steps, RetrySupport retry, ClientTimeouts timeouts, int maxBodyBytes) {
			this.steps = steps;
			this.retry = retry;
			this.timeouts = timeouts;
			this.firstByteNanos = nanos(timeouts.firstByte());
			this.idleNanos = nanos(timeouts.streamIdle());
			this.maxBodyBytes = maxBodyBytes;
		}

	}

	/** The longest limit taken as given (~73 years); longer ones, meaning "none", are cut so that sums cannot overflow. */
	private static final long MAX_LIMIT_NANOS = Long.MAX_VALUE / 4;

	/** Returns a limit in nanoseconds, cut to {@link #MAX_LIMIT_NANOS}. */
	private static long nanos(Duration limit) {
		return (limit.compareTo(Duration.ofNanos(MAX_LIMIT_NANOS)) > 0) ? MAX_LIMIT_NANOS : limit.toNanos();
	}

	/** The stage of a call whose outcome one thread is deciding (a failure, a body to decode). */
	private static final Object DECIDING = new Object();

	/** The stage of a call that has ended. */
	private static final Object DONE = new Object();

	/**
	 * One subscription to the call: the downstream {@link Subscription} and the timer task.
	 */
	private static final class Run extends Operators.MonoSubscriber<MessageResponse, MessageResponse>
			implements Runnable {

		private static final AtomicReferenceFieldUpdater<Run, Object> STAGE = AtomicReferenceFieldUpdater
			.newUpdater(Run.class, Object.class, "stage");

		private final Plan plan;

		private final RequestPreparer.Prepared call;

		private final Scheduler timer;

		private final Disposable.Swap timerTask = Disposables.swap();

		private long deadline;

		private long retries;

		/** An {@link Attempt}, a {@link Body}, a {@link Delay}, {@link #DECIDING} or {@link #DONE}. */
		private volatile @Nullable Object stage;

		Run(CoreSubscriber<? super MessageResponse> actual, Plan plan, RequestPreparer.Prepared call,
				Scheduler timer) {
			super(actual);
			this.plan = plan;
			this.call = call;
			this.timer = timer;
		}

		void start() {
			this.deadline = now() + nanos(this.call.budget());
			this.actual.onSubscribe(this);
			startAttempt(null);
		}

		private long now() {
			return this.timer.now(TimeUnit.NANOSECONDS);
		}

		/** Starts an attempt unless the call moved on from {@code previous}. */
		private void startAttempt(@Nullable Object previous) {
			long now = now();
			Attempt attempt = new Attempt(this, now + this.plan.firstByteNanos);
			if (!STAGE.compareAndSet(this, previous, attempt)) {
				return;
			}
			// the earliest any limit can fall due: the first byte, a body idle from its first buffer, the budget
			arm(Math.min(Math.min(attempt.firstByteDeadline, now + this.plan.idleNanos), this.deadline), now);
			if (this.stage != attempt) {
				// ended meanwhile (cancelled, or the timer refused its task): send nothing
				return;
			}
			Mono<ExchangeResponse> answer;
			try {
				answer = this.plan.steps.send(this.call, attempt.startedNanos);
			}
			catch (Throwable failure) {
				Exceptions.throwIfJvmFatal(failure);
				attempt.onError(failure);
				return;
			}
			answer.subscribe(attempt);
		}

		private void arm(long wake, long now) {
			try {
				this.timerTask.update(this.timer.schedule(this, Math.max(0, wake - now), TimeUnit.NANOSECONDS));
			}
			catch (RuntimeException ex) {
				// a scheduler that refuses (disposed at shutdown): without a timer the call could never end
				end(new OpenRouterTransportException("Could not schedule the call's time limits: " + ex, ex, false));
			}
		}

		/** The timer task: ends the stage whose limit passed, or re-arms for the next one. */
		@Override
		public void run() {
			for (;;) {
				Object current = this.stage;
				if (current == DONE || current == DECIDING) {
					// whoever decides arms the timer again if the call goes on
					return;
				}
				long now = now();
				if (now - this.deadline >= 0) {
					end(TransportErrors.timeout(OpenRouterTimeoutException.Kind.TOTAL, this.call.budget()));
					return;
				}
				long wake;
				if (current instanceof Attempt attempt) {
					if (now - attempt.firstByteDeadline >= 0) {
						if (attempt.failAndCancel(TransportErrors.timeout(OpenRouterTimeoutException.Kind.FIRST_BYTE,
								this.plan.timeouts.firstByte()), false)) {
							return;
						}
						continue;
					}
					wake = Math.min(attempt.firstByteDeadline, now + this.plan.idleNanos);
				}
				else if (current instanceof Body body) {
					long idleDeadline = body.lastNanos + this.plan.idleNanos;
					if (now - idleDeadline >= 0) {
						if (body.failAndCancel(TransportErrors.timeout(OpenRouterTimeoutException.Kind.STREAM_IDLE,
								this.plan.timeouts.streamIdle()), true)) {
							return;
						}
						continue;
					}
					wake = idleDeadline;
				}
				else {
					Delay delay = (Delay) current;
					if (now - delay.wake >= 0) {
						startAttempt(delay);
						return;
					}
					wake = delay.wake;
				}
				arm(Math.min(wake, this.deadline), now);
				if (this.stage == current) {
					return;
				}
				// the stage moved while re-arming: look again, so the timer matches the new stage
			}
		}

		/** Ends the call with an error whatever its stage, cancelling what runs. */
		private void end(Throwable failure) {
			Object previous = STAGE.getAndSet(this, DONE);
			if (previous != DONE) {
				this.timerTask.dispose();
				cancelStage(previous);
				this.actual.onError(failure);
			}
		}

		/**
		 * Retries or ends the call after a failed attempt; the caller has moved the stage to
		 * {@link #DECIDING}.
		 */
		void failed(Throwable failure) {
			long now = now();
			Duration delay = this.plan.retry.delayBeforeRetry(failure, this.retries, Duration.ofNanos(this.deadline - now));
			if (delay == null) {
				if (STAGE.compareAndSet(this, DECIDING, DONE)) {
					this.timerTask.dispose();
					this.actual.onError(failure);
				}
				return;
			}
			this.retries++;
			Delay next = new Delay(now + delay.toNanos());
			if (STAGE.compareAndSet(this, DECIDING, next)) {
				arm(next.wake, now);
			}
		}

		void succeeded(MessageResponse response) {
			if (STAGE.compareAndSet(this, DECIDING, DONE)) {
				this.timerTask.dispose();
				complete(response);
			}
		}

		boolean moveOn(Object from, Object to) {
			return STAGE.compareAndSet(this, from, to);
		}

		boolean isAt(Object expected) {
			return this.stage == expected;
		}

		@Override
		public void cancel() {
			super.cancel();
			Object previous = STAGE.getAndSet(this, DONE);
			if (previous != DONE) {
				this.timerTask.dispose();
				cancelStage(previous);
			}
		}

		private static void cancelStage(@Nullable Object stage) {
			if (stage instanceof Attempt attempt) {
				attempt.cancel();
			}
			else if (stage instanceof Body body) {
				body.cancel();
			}
		}

	}

	/**
	 * A retry delay: the next attempt starts when the timer fires at {@code wake}.
	 */
	private record Delay(long wake) {
	}

	/**
	 * Base of the two subscribers of an attempt: a subscription that a cancellation may overtake.
	 */
	private abstract static class Stage<T> implements CoreSubscriber<T> {

		@SuppressWarnings("rawtypes")
		private static final AtomicReferenceFieldUpdater<Stage, Subscription> UPSTREAM = AtomicReferenceFieldUpdater
			.newUpdater(Stage.class, Subscription.class, "upstream");

		final Run run;

		private volatile @Nullable Subscription upstream;

		Stage(Run run) {
			this.run = run;
		}

		@Override
		public final void onSubscribe(Subscription subscription) {
			if (Operators.setOnce(UPSTREAM, this, subscription)) {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public final Context currentContext() {
			return this.run.currentContext();
		}

		final void cancel() {
			Operators.terminate(UPSTREAM, this);
		}

		/** Ends this stage with the failure its source signalled, if it still is the call's stage. */
		final void failed(Throwable failure, boolean inBody) {
			if (this.run.moveOn(this, DECIDING)) {
				this.run.failed(this.run.plan.steps.translate(failure, inBody));
			}
		}

		/**
		 * Ends this stage with a failure of its own (a limit, a bound), cancelling its source.
		 * @return whether this stage was still the call's stage
		 */
		final boolean failAndCancel(Throwable failure, boolean inBody) {
			if (!this.run.moveOn(this, DECIDING)) {
				return false;
			}
			cancel();
			this.run.failed(this.run.plan.steps.translate(failure, inBody));
			return true;
		}

	}

	/**
	 * Waits for the head of one attempt's answer.
	 */
	private static final class Attempt extends Stage<ExchangeResponse> {

		final long firstByteDeadline;

		final long startedNanos = System.nanoTime();

		Attempt(Run run, long firstByteDeadline) {
			super(run);
			this.firstByteDeadline = firstByteDeadline;
		}

		@Override
		public void onNext(ExchangeResponse answer) {
			Body body = new Body(this.run, answer.headers());
			if (this.run.moveOn(this, body)) {
				this.run.plan.steps.received(answer.status(), this.startedNanos);
				answer.body().subscribe(body);
			}
			else {
				// an answer that lost the race with a limit or a cancellation: cancel its body, closing the connection
				answer.discard();
			}
		}

		@Override
		public void onError(Throwable failure) {
			failed(failure, false);
		}

		@Override
		public void onComplete() {
			if (this.run.isAt(this)) {
				failAndCancel(new OpenRouterTransportException("The exchange ended without a response", null, false),
						false);
			}
		}

	}

	/**
	 * Reads one 2xx body into an array, copying and releasing each buffer as it arrives.
	 */
	private static final class Body extends Stage<DataBuffer> {

		private final HttpHeaders headers;

		private final ByteCollector collector;

		volatile long lastNanos;

		Body(Run run, HttpHeaders headers) {
			super(run);
			this.headers = headers;
			this.collector = new ByteCollector(run.plan.maxBodyBytes);
			this.lastNanos = run.now();
		}

		@Override
		public void onNext(DataBuffer buffer) {
			try {
				if (!this.run.isAt(this)) {
					return;
				}
				this.lastNanos = this.run.now();
				if (!this.collector.add(buffer)) {
					failAndCancel(this.collector.tooLarge(), true);
				}
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		@Override
		public void onError(Throwable failure) {
			failed(failure, true);
		}

		@Override
		public void onComplete() {
			if (!this.run.moveOn(this, DECIDING)) {
				return;
			}
			byte[] body = this.collector.toArray();
			MessageResponse response;
			try {
				response = this.run.plan.steps.decode(body, this.headers);
			}
			catch (Throwable failure) {
				Exceptions.throwIfJvmFatal(failure);
				this.run.failed(this.run.plan.steps.translate(failure, false));
				return;
			}
			this.run.succeeded(response);
		}

	}

}
