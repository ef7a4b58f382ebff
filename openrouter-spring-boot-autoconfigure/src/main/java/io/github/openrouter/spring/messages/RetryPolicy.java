package io.github.openrouter.spring.messages;

import java.time.Duration;
import java.util.Objects;

/**
 * Retry policy for failed attempts: exponential backoff with jitter, {@code Retry-After} honoured
 * up to a cap; the client's total timeout bounds all attempts together.
 *
 * @param maxAttempts attempts in all, including the first; 1 disables retries
 * @param initialBackoff delay before the first retry
 * @param maxBackoff upper bound of one computed delay
 * @param multiplier factor applied to the delay after each retry
 * @param jitter random spread of each delay, from 0 (none) to 1 (up to 100 %)
 * @param maxRetryAfter longest {@code Retry-After} the client will wait; a longer one (or one that
 * cannot be read as a delay, such as a negative one) ends the call
 * @param retryFirstByteTimeouts whether a non-streaming {@code create} whose answer did not start
 * within the first-byte timeout is tried again; off by default, because the first attempt may
 * still be generating, and be billed (a stream, whose answer starts before the generation, is
 * retried either way)
 * @since 0.1.0
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter, Duration maxRetryAfter, boolean retryFirstByteTimeouts) {

	/**
	 * Creates a policy, checking its bounds.
	 */
	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
		}
		Objects.requireNonNull(initialBackoff, "initialBackoff");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("Retry durations must not be negative");
		}
		initialBackoff = cut(initialBackoff);
		maxBackoff = cut(maxBackoff);
		maxRetryAfter = cut(maxRetryAfter);
		if (multiplier < 1.0) {
			throw new IllegalArgumentException("multiplier must be at least 1.0 but was " + multiplier);
		}
		if (jitter < 0.0 || jitter > 1.0) {
			throw new IllegalArgumentException("jitter must be between 0 and 1 but was " + jitter);
		}
	}

	/**
	 * Creates a policy that does not retry first-byte timeouts of a {@code create}.
	 * @param maxAttempts attempts in all, including the first; 1 disables retries
	 * @param initialBackoff delay before the first retry
	 * @param maxBackoff upper bound of one computed delay
	 * @param multiplier factor applied to the delay after each retry
	 * @param jitter random spread of each delay, from 0 (none) to 1 (up to 100 %)
	 * @param maxRetryAfter longest {@code Retry-After} the client will wait
	 */
	public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter,
			Duration maxRetryAfter) {
		this(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter, false);
	}

	/**
	 * Returns a copy that retries (or not) first-byte timeouts of a {@code create}.
	 * @param retry whether to retry them
	 * @return the copy
	 */
	public RetryPolicy withRetryFirstByteTimeouts(boolean retry) {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.multiplier, this.jitter,
				this.maxRetryAfter, retry);
	}

	/**
	 * Returns the defaults: 3 attempts, 500 ms doubling up to 8 s, 20 % jitter, Retry-After up to 60 s,
	 * first-byte timeouts of a {@code create} not retried.
	 * @return the default policy
	 */
	public static RetryPolicy defaults() {
		return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.2, Duration.ofSeconds(60));
	}

	private static Duration cut(Duration value) {
		return (value.compareTo(ClientTimeouts.LONGEST) > 0) ? ClientTimeouts.LONGEST : value;
	}

	/**
	 * Returns a policy that never retries.
	 * @return a single-attempt policy
	 */
	public static RetryPolicy none() {
		return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0, Duration.ZERO);
	}

}
