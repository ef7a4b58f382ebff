package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

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
		return Mono.defer(() -> {
			Scheduler timer = this.scheduler.get();
			return retrying(attempt, timer, deadline(timer, budget), 0);
		});
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
			Scheduler timer = this.scheduler.get();
			return retryingBeforeFirstElement(attempt, timer, deadline(timer, budget), 0);
		});
	}

	/*
	 * Retries are chained with onErrorResume rather than retryWhen: a call that succeeds at once
	 * (nearly all of them) then costs one operator, not a companion sink and subscription.
	 */

	private <T> Mono<T> retrying(Mono<T> attempt, Scheduler timer, long deadline, long retriesSoFar) {
		return attempt.onErrorResume((failure) -> {
			Duration delay = delayBeforeRetry(failure, retriesSoFar, remaining(timer, deadline));
			return (delay != null)
					? Mono.delay(delay, timer).then(Mono.defer(() -> retrying(attempt, timer, deadline, retriesSoFar + 1)))
					: Mono.error(failure);
		});
	}

	private <T> Flux<T> retryingBeforeFirstElement(Flux<T> attempt, Scheduler timer, long deadline,
			long retriesSoFar) {
		return Flux.defer(() -> {
			FirstElement first = new FirstElement();
			return attempt.doOnNext(first).onErrorResume((failure) -> {
				Duration delay = first.seen ? null : delayBeforeRetry(failure, retriesSoFar, remaining(timer, deadline));
				return (delay != null) ? Mono.delay(delay, timer)
					.thenMany(retryingBeforeFirstElement(attempt, timer, deadline, retriesSoFar + 1)) : Flux.error(failure);
			});
		});
	}

	private static long deadline(Scheduler timer, Duration budget) {
		return timer.now(TimeUnit.NANOSECONDS) + budget.toNanos();
	}

	private static Duration remaining(Scheduler timer, long deadline) {
		return Duration.ofNanos(deadline - timer.now(TimeUnit.NANOSECONDS));
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

	/**
	 * Remembers whether an attempt emitted anything; read only after its terminal signal, which
	 * Reactive Streams orders after every element, so no volatile write per element is needed.
	 */
	private static final class FirstElement implements Consumer<Object> {

		private boolean seen;

		@Override
		public void accept(Object element) {
			if (!this.seen) {
				this.seen = true;
			}
		}

	}

}
