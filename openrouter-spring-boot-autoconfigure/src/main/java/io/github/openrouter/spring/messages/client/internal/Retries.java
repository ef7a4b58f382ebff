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
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The retries of one call, for {@code retryWhen}: exponential backoff with jitter, a
 * {@code Retry-After} honoured up to the policy's cap, only retryable
 * {@link OpenRouterException}s, never a delay that would end past the call's time budget, and a
 * stream only before its first event. Delays run on {@link Schedulers#parallel()}, looked up for
 * each delay (so virtual time and a reset of the schedulers apply).
 */
final class Retries extends Retry {

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

	@Override
	public Publisher<?> generateCompanion(Flux<RetrySignal> signals) {
		long deadline = now() + this.budget.toNanos();
		return signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			Duration delay;
			try {
				delay = delayBeforeRetry(failure, signal.totalRetries(), Duration.ofNanos(deadline - now()));
			}
			catch (RuntimeException ex) {
				return Mono.error(new OpenRouterTransportException("Could not decide whether to retry after: " + failure,
						ex, false));
			}
			return (delay != null) ? Mono.delay(delay, Schedulers.parallel()) : Mono.error(failure);
		});
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

}
