package io.github.openrouter.spring.messages.error;

/**
 * HTTP 404: the model or endpoint does not exist, or no provider matches the preferences.
 *
 * @since 0.1.0
 */
public class NotFoundException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public NotFoundException(ApiErrorDetails details) {
		super(details);
	}

}
