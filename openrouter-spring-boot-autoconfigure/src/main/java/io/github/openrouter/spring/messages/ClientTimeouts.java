package io.github.openrouter.spring.messages;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Timeouts of a messages client.
 *
 * <ul>
 * <li>{@code connect}: time to establish a TCP (and TLS) connection; used only by the connector
 * the client builds itself (a given {@code ClientHttpConnector} brings its own).</li>
 * <li>{@code firstByte}: time from sending a request to the head of its answer. When
 * {@code null} (the default), a stream waits at most 60 s, and a non-streaming {@code create}
 * waits {@code max(60 s, 3600 s × max_tokens / 128,000)}, the scale the Anthropic SDK uses for
 * long answers; never more than {@code total}. A value that is set applies to both. Whether a
 * first-byte timeout of a {@code create} is retried is said by
 * {@link RetryPolicy#retryFirstByteTimeouts()} (not by default: the first attempt may still be
 * generating, and be billed).</li>
 * <li>{@code streamIdle}: the server's silence while the reader waits for data: between two
 * chunks of a stream (keep-alive comments count as data), and while reading a non-streaming
 * body. The clock pauses while the reader has asked for nothing more (an application running a
 * tool between events, a slow consumer), so a reader's own pauses are never counted.</li>
 * <li>{@code total}: a {@code create} (all attempts, the delays between them and reading the
 * body) is bounded by it; a blocking {@code create} waits at most this plus a small grace. For a
 * stream it bounds the time until the first event (all attempts and delays); once events flow,
 * only {@code streamIdle} applies, so a long reasoning stream or a slow reader is never cut.</li>
 * </ul>
 *
 * <p>
 * A limit longer than {@link #LONGEST} (such as {@code Duration.ofNanos(Long.MAX_VALUE)},
 * meaning "none") is cut to it, so that no arithmetic on it can overflow.
 *
 * @param connect time to establish a connection
 * @param firstByte time to the head of the answer, or {@code null} for the defaults above
 * @param streamIdle longest silence of the server while the reader waits for data
 * @param total time budget of a call (of a stream: until its first event)
 * @since 0.1.0
 */
public record ClientTimeouts(Duration connect, @Nullable Duration firstByte, Duration streamIdle, Duration total) {

	/** The longest limit taken as given (about 73 years); longer ones are cut to it. */
	public static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE / 4);

	/**
	 * Creates timeouts, checking that each is positive and cutting each to {@link #LONGEST}.
	 */
	public ClientTimeouts {
		connect = limit("connect", connect);
		firstByte = (firstByte != null) ? limit("firstByte", firstByte) : null;
		streamIdle = limit("streamIdle", streamIdle);
		total = limit("total", total);
	}

	/**
	 * Returns the defaults: connect 10 s, first byte as described above, stream idle 60 s,
	 * total 10 min.
	 * @return the default timeouts
	 */
	public static ClientTimeouts defaults() {
		return new ClientTimeouts(Duration.ofSeconds(10), null, Duration.ofSeconds(60), Duration.ofMinutes(10));
	}

	/**
	 * Checks that a limit is positive and cuts it to {@link #LONGEST}.
	 * @param name the name of the limit, quoted in the exception
	 * @param value the limit
	 * @return the limit, at most {@link #LONGEST}
	 * @throws IllegalArgumentException if the limit is zero or negative
	 */
	public static Duration limit(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("Timeout '" + name + "' must be positive but was " + value);
		}
		return (value.compareTo(LONGEST) > 0) ? LONGEST : value;
	}

}
