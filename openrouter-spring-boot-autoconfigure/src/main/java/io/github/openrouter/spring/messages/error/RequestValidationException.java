package io.github.openrouter.spring.messages.error;

/**
 * A request broke a documented limit and was rejected before any network call.
 *
 * @since 0.1.0
 */
public class RequestValidationException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	private final String field;

	private final String limit;

	/**
	 * Creates a validation exception.
	 * @param field JSON path of the offending field, such as {@code messages[2].content}
	 * @param limit the rule that was broken, such as {@code at most 3 entries}
	 * @param message a sentence that names both
	 */
	public RequestValidationException(String field, String limit, String message) {
		super(message);
		this.field = field;
		this.limit = limit;
	}

	/**
	 * Returns the JSON path of the offending field.
	 * @return the field, such as {@code fallbacks}
	 */
	public String field() {
		return this.field;
	}

	/**
	 * Returns the rule the field broke.
	 * @return the limit, such as {@code at most 3 entries}
	 */
	public String limit() {
		return this.limit;
	}

}
