package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The retries of one call: exponential backoff with jitter, a {@code Retry-After} honoured up to
 * the policy's cap, only retryable {@link OpenRouterException}s, never a delay that would end past
 * the call's time budget, and a stream only before its first event. An attempt that fails is
 * followed, through {@code onErrorResume}, by a {@code Mono.delay}, and {@code repeat} subscribes
 * to the attempt again; a failure that is not retried is passed on as it is. Delays run on
 * {@link Schedulers#parallel()}, looked up for each delay (so virtual time and a reset of the
 * schedulers apply).
 * <p>
 * Not {@code retryWhen}: it subscribes a companion per call (a multicast sink with its queue and
 * a {@code concatMap}) and serializes every element (3 % of a create at concurrency 64 in one long
 * run, within the noise of shorter ones: benchmarks/README.md, issue 14, session 7); {@code onErrorResume} and
 * {@code repeat} cost two pass-through operators until a failure.
 */
final class Retries {

	private final RetryPolicy policy;

	private final Duration budget;

	private final boolean create;

	private final BooleanSupplier delivered;

	/**
	 * Creates the retries of one call.
	 * @param policy the policy
	 * @param budget the time budget of all attempts and delays together
	 * @param create whether the call is a non-streaming create (whose first-byte timeouts are
	 * retried only if the policy says so)
	 * @param delivered tells whether the call has delivered an element (then nothing is retried)
	 */
	Retries(RetryPolicy policy, Duration budget, boolean create, BooleanSupplier delivered) {
		this.policy = policy;
		this.budget = budget;
		this.create = create;
		this.delivered = delivered;
	}

	/**
	 * Subscribes to a call's attempt, and again after each failure that is retried.
	 * @param <T> the type of the answer
	 * @param attempt one attempt, subscribed once per try
	 * @return the call
	 */
	<T> Mono<T> retry(Mono<T> attempt) {
		return retry(attempt.flux()).next();
	}

	/**
	 * Subscribes to a stream's attempt, and again after each failure that is retried (never
	 * once the stream delivered an element).
	 * @param <T> the type of the elements
	 * @param attempt one attempt, subscribed once per try
	 * @return the stream
	 */
	<T> Flux<T> retry(Flux<T> attempt) {
		return Flux.defer(() -> {
			Tries tries = new Tries(now() + this.budget.toNanos());
			return attempt.onErrorResume(tries::afterFailure).repeat(tries::again);
		});
	}

	/**
	 * The wait before the next attempt, or the error that ends the call: the failure itself when
	 * it is not retried, a typed error when deciding throws.
	 */
	private Mono<Long> delay(Throwable failure, long retriesSoFar, long deadline) {
		Duration delay;
		try {
			delay = delayBeforeRetry(failure, retriesSoFar, Duration.ofNanos(deadline - now()));
		}
		catch (RuntimeException ex) {
			return Mono.error(new OpenRouterTransportException("Could not decide whether to retry after: " + failure,
					ex, false));
		}
		return (delay != null) ? Mono.delay(delay, Schedulers.parallel()) : Mono.error(failure);
	}

	private static long now() {
		return Schedulers.parallel().now(TimeUnit.NANOSECONDS);
	}

	/**
	 * Returns the delay before the next attempt, or {@code null} to give up.
	 * @param failure the failure of the last attempt
	 * @param retriesSoFar how many retries were already made
	 * @param remaining the time left in the budget
	 * @return the delay, or {@code null} if the failure must end the call
	 */
	@Nullable Duration delayBeforeRetry(Throwable failure, long retriesSoFar, Duration remaining) {
		if (retriesSoFar + 1 >= this.policy.maxAttempts() || this.delivered.getAsBoolean()) {
			return null;
		}
		if (!(failure instanceof OpenRouterException exception) || !exception.isRetryable()) {
			return null;
		}
		if (this.create && !this.policy.retryFirstByteTimeouts() && failure instanceof OpenRouterTimeoutException timeout
				&& timeout.kind() == OpenRouterTimeoutException.Kind.FIRST_BYTE) {
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
		double jittered = capped * (1.0 - this.policy.jitter() * ThreadLocalRandom.current().nextDouble());
		return Duration.ofNanos(Math.max(0, (long) jittered));
	}


	/**
	 * The attempts of one call: a failure that is retried ends its attempt empty after the delay,
	 * and {@code repeat} subscribes the next one (at a fixed depth however many retries there
	 * are); a failure that is not retried ends the call. Written by one attempt at a time.
	 */
	private final class Tries {

		private final long deadline;

		private volatile long retriesSoFar;

		private volatile boolean again;

		Tries(long deadline) {
			this.deadline = deadline;
		}

		<T> Mono<T> afterFailure(Throwable failure) {
			return delay(failure, this.retriesSoFar, this.deadline).doOnNext((tick) -> {
				this.retriesSoFar++;
				this.again = true;
			}).then(Mono.empty());
		}

		boolean again() {
			boolean again = this.again;
			this.again = false;
			return again;
		}

	}

}
