package io.github.openrouter.spring.messages.error;

/**
 * HTTP 401: the API key is missing, invalid or disabled.
 *
 * @since 0.1.0
 */
public class AuthenticationException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public AuthenticationException(ApiErrorDetails details) {
		super(details);
	}

}
