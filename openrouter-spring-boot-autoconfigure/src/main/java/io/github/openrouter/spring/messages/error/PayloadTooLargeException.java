package io.github.openrouter.spring.messages.error;

/**
 * HTTP 413: the request body is too large.
 *
 * @since 0.1.0
 */
public class PayloadTooLargeException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public PayloadTooLargeException(ApiErrorDetails details) {
		super(details);
	}

}
