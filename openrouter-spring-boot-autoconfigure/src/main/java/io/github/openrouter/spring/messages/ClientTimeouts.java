package io.github.openrouter.spring.messages;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts of a messages client; every call is bounded by all four.
 *
 * @param connect time to establish a TCP (and TLS) connection
 * @param firstByte time from sending the request to the first byte of the response
 * @param streamIdle longest silence between two chunks of a stream; keep-alive comments reset it
 * @param total time budget of a whole call, including retries
 * @since 0.1.0
 */
public record ClientTimeouts(Duration connect, Duration firstByte, Duration streamIdle, Duration total) {

	/**
	 * Creates timeouts, checking that each is positive.
	 */
	public ClientTimeouts {
		requirePositive("connect", connect);
		requirePositive("firstByte", firstByte);
		requirePositive("streamIdle", streamIdle);
		requirePositive("total", total);
	}

	/**
	 * Returns the defaults: connect 10 s, first byte 60 s, stream idle 60 s, total 10 min.
	 * @return the default timeouts
	 */
	public static ClientTimeouts defaults() {
		return new ClientTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60),
				Duration.ofMinutes(10));
	}

	private static void requirePositive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("Timeout '" + name + "' must be positive but was " + value);
		}
	}

}
