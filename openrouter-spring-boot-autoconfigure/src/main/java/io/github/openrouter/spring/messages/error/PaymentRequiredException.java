package io.github.openrouter.spring.messages.error;

/**
 * HTTP 402: the account or key is out of credits.
 *
 * @since 0.1.0
 */
public class PaymentRequiredException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public PaymentRequiredException(ApiErrorDetails details) {
		super(details);
	}

}
