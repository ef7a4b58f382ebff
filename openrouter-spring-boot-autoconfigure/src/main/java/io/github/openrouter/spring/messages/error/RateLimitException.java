package io.github.openrouter.spring.messages.error;

/**
 * HTTP 429: rate limited or out of capacity; see {@link #retryAfter()}.
 *
 * @since 0.1.0
 */
public class RateLimitException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public RateLimitException(ApiErrorDetails details) {
		super(details);
	}

}
