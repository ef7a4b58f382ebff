package io.github.openrouter.spring.messages.streaming;

import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;

/**
 * Thrown when one server-sent event grows beyond the decoder's limit, so that a broken or
 * hostile stream cannot make the client buffer without bound.
 *
 * @since 0.1.0
 */
public class SseFrameTooLargeException extends OpenRouterDecodingException {

	private static final long serialVersionUID = 1L;

	private final int limit;

	/**
	 * Creates an exception for a frame over the limit.
	 * @param limit the largest frame allowed, in bytes
	 */
	public SseFrameTooLargeException(int limit) {
		super("Server-sent event frame exceeds maxFrameBytes=" + limit
				+ " bytes (data lines plus the line being read)", null);
		this.limit = limit;
	}

	/**
	 * Returns the limit that was exceeded.
	 * @return the largest frame allowed, in bytes
	 */
	public int limit() {
		return this.limit;
	}

}
