package io.github.openrouter.spring.messages.error;

/**
 * HTTP 408: the server timed out waiting for the request.
 *
 * @since 0.1.0
 */
public class RequestTimeoutException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public RequestTimeoutException(ApiErrorDetails details) {
		super(details);
	}

}
