package io.github.openrouter.spring.messages.error;

import org.jspecify.annotations.Nullable;

/**
 * The exchange failed below HTTP: connection refused or reset, or the connection closed early.
 *
 * @since 0.1.0
 */
public class OpenRouterTransportException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	private final boolean retryable;

	/**
	 * Creates a retryable transport exception.
	 * @param message what failed; must not contain secrets
	 * @param cause the underlying failure
	 */
	public OpenRouterTransportException(String message, @Nullable Throwable cause) {
		this(message, cause, true);
	}

	/**
	 * Creates a transport exception.
	 * @param message what failed; must not contain secrets
	 * @param cause the underlying failure
	 * @param retryable whether sending the request again may succeed
	 */
	public OpenRouterTransportException(String message, @Nullable Throwable cause, boolean retryable) {
		super(message, cause);
		this.retryable = retryable;
	}

	@Override
	public boolean isRetryable() {
		return this.retryable;
	}

}
