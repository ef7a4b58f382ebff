package io.github.openrouter.spring.messages.error;

/**
 * HTTP 400: the request is invalid (bad parameters, context too long, unknown model).
 *
 * @since 0.1.0
 */
public class BadRequestException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public BadRequestException(ApiErrorDetails details) {
		super(details);
	}

}
