package io.github.openrouter.spring.messages.error;

/**
 * HTTP 403: the key may not do this, or a guardrail, moderation or region rule blocked it.
 *
 * @since 0.1.0
 */
public class PermissionDeniedException extends OpenRouterApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public PermissionDeniedException(ApiErrorDetails details) {
		super(details);
	}

}
