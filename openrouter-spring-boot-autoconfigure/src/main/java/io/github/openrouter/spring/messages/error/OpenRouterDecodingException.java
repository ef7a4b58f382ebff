package io.github.openrouter.spring.messages.error;

import org.jspecify.annotations.Nullable;

/**
 * A 2xx answer could not be read: malformed JSON or SSE, or a stream that ended too early.
 *
 * @since 0.1.0
 */
public class OpenRouterDecodingException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates a decoding exception.
	 * @param message what could not be read; must not contain secrets
	 * @param cause the parser failure, or {@code null}
	 */
	public OpenRouterDecodingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
