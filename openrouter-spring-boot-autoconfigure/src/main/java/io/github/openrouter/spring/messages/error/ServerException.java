package io.github.openrouter.spring.messages.error;

/**
 * HTTP 5xx (including 529 overloaded): a server or provider failure.
 *
 * @since 0.1.0
 */
public class ServerException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public ServerException(ApiErrorDetails details) {
		super(details);
	}

}
