package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Retries failed attempts as a {@link RetryPolicy} says: exponential backoff with jitter,
 * {@code Retry-After} honoured up to the policy's cap, only retryable
 * {@link OpenRouterException}s, never past the call's time budget, and a stream only before its
 * first element.
 *
 * <p>
 * Delays run on a scheduler looked up per call, so tests can use virtual time.
 *
 * @since 0.1.0
 */
public final class RetrySupport {

	private final RetryPolicy policy;

	private final Supplier<Scheduler> scheduler;

	private final DoubleSupplier random;

	/**
	 * Creates retry support.
	 * @param policy the policy
	 * @param scheduler supplies the scheduler for delays and the clock of the time budget
	 * @param random supplies uniform numbers in {@code [0, 1)} for jitter
	 */
	public RetrySupport(RetryPolicy policy, Supplier<Scheduler> scheduler, DoubleSupplier random) {
		this.policy = policy;
		this.scheduler = scheduler;
		this.random = random;
	}

	/**
	 * Runs an attempt, repeating it while its failures are retryable.
	 * @param <T> the element type
	 * @param attempt one attempt; subscribed once per attempt
	 * @param budget the time budget of all attempts together
	 * @return the result of the first successful attempt, or the last failure
	 */
	public <T> Mono<T> retry(Mono<T> attempt, Duration budget) {
		if (this.policy.maxAttempts() <= 1) {
			return attempt;
		}
		return Mono.defer(() -> attempt.retryWhen(spec(budget)));
	}

	/**
	 * Runs a streaming attempt, repeating it only while it fails before emitting anything.
	 * @param <T> the element type
	 * @param attempt one attempt; subscribed once per attempt
	 * @param budget the time budget of all attempts together
	 * @return the elements of the first attempt that emitted any
	 */
	public <T> Flux<T> retryBeforeFirstElement(Flux<T> attempt, Duration budget) {
		if (this.policy.maxAttempts() <= 1) {
			return attempt;
		}
		return Flux.defer(() -> {
			Retry spec = spec(budget);
			return Flux.defer(() -> {
				AtomicBoolean emitted = new AtomicBoolean();
				return attempt.doOnNext((element) -> emitted.set(true))
					.onErrorMap((failure) -> emitted.get(), AfterFirstElement::new);
			}).retryWhen(spec).onErrorMap(AfterFirstElement.class, Throwable::getCause);
		});
	}

	/**
	 * Returns the delay before the next attempt, or {@code null} to give up.
	 * @param failure the failure of the last attempt
	 * @param retriesSoFar how many retries were already made
	 * @param remaining the time left in the budget
	 * @return the delay, or {@code null} if the failure must end the call
	 */
	public @Nullable Duration delayBeforeRetry(Throwable failure, long retriesSoFar, Duration remaining) {
		if (retriesSoFar + 1 >= this.policy.maxAttempts()) {
			return null;
		}
		if (!(failure instanceof OpenRouterException exception) || !exception.isRetryable()) {
			return null;
		}
		Duration delay;
		Duration retryAfter = (failure instanceof OpenRouterApiException api) ? api.retryAfter().orElse(null) : null;
		if (retryAfter != null) {
			if (retryAfter.compareTo(this.policy.maxRetryAfter()) > 0) {
				return null;
			}
			delay = retryAfter;
		}
		else {
			delay = backoff(retriesSoFar);
		}
		return (delay.compareTo(remaining) < 0) ? delay : null;
	}

	private Duration backoff(long retriesSoFar) {
		double base = this.policy.initialBackoff().toNanos() * Math.pow(this.policy.multiplier(), retriesSoFar);
		double capped = Math.min(base, this.policy.maxBackoff().toNanos());
		double jittered = capped * (1.0 - this.policy.jitter() * this.random.getAsDouble());
		return Duration.ofNanos(Math.max(0, (long) jittered));
	}

	private Retry spec(Duration budget) {
		Scheduler timer = this.scheduler.get();
		long deadline = timer.now(TimeUnit.NANOSECONDS) + budget.toNanos();
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			Throwable cause = (failure instanceof AfterFirstElement) ? null : failure;
			Duration remaining = Duration
				.ofNanos(deadline - timer.now(TimeUnit.NANOSECONDS));
			Duration delay = (cause != null) ? delayBeforeRetry(cause, signal.totalRetries(), remaining) : null;
			if (delay == null) {
				return Mono.error(failure);
			}
			return Mono.delay(delay, timer).thenReturn(signal);
		}));
	}

	/**
	 * Marks a stream failure that came after the first element and must not be retried.
	 */
	private static final class AfterFirstElement extends RuntimeException {

		private static final long serialVersionUID = 1L;

		AfterFirstElement(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
