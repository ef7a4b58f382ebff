package io.github.openrouter.spring.messages.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call exceeded one of its timeouts; {@link #kind()} says which.
 *
 * @since 0.1.0
 */
public class OpenRouterTimeoutException extends OpenRouterTransportException {

	private static final long serialVersionUID = 1L;

	private final Kind kind;

	private final @Nullable Duration timeout;

	/**
	 * Creates a timeout exception.
	 * @param kind which timeout tripped
	 * @param timeout the configured limit, or {@code null} if unknown
	 * @param cause the underlying failure, or {@code null}
	 */
	public OpenRouterTimeoutException(Kind kind, @Nullable Duration timeout, @Nullable Throwable cause) {
		super(kind.description + " timed out" + ((timeout != null) ? " after " + timeout.toMillis() + " ms" : ""),
				cause, kind.retryable);
		this.kind = kind;
		this.timeout = timeout;
	}

	/**
	 * Returns which timeout tripped.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the configured limit that was exceeded.
	 * @return the limit, or {@code null} if unknown
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * The four timeouts of a call.
	 */
	public enum Kind {

		/** Establishing the connection took too long; the request was not sent. */
		CONNECT("Connecting", true),

		/** No response byte arrived in time after the request was sent. */
		FIRST_BYTE("Waiting for the first response byte", true),

		/** A stream went silent for too long (keep-alive comments count as activity). */
		STREAM_IDLE("Waiting for the next response chunk", false),

		/** The whole call, retries included, took longer than its budget. */
		TOTAL("The call", false);

		private final String description;

		private final boolean retryable;

		Kind(String description, boolean retryable) {
			this.description = description;
			this.retryable = retryable;
		}

	}

}
