package io.github.openrouter.spring.messages.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the messages client throws; unchecked.
 *
 * @since 0.1.0
 */
public class OpenRouterException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message the detail message; must not contain secrets (key-like strings are masked
	 * and control characters replaced all the same)
	 * @param cause the cause, or {@code null}
	 */
	public OpenRouterException(String message, @Nullable Throwable cause) {
		super(Redaction.forMessage(message), cause);
	}

	/**
	 * Creates an exception without a cause.
	 * @param message the detail message; must not contain secrets
	 */
	public OpenRouterException(String message) {
		this(message, null);
	}

	/**
	 * Returns whether sending the same request again may succeed.
	 * @return {@code true} if a retry makes sense
	 */
	public boolean isRetryable() {
		return false;
	}

}
