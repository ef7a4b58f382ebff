package io.github.openrouter.spring.messages.structured;

import java.util.List;

import io.github.openrouter.spring.messages.model.MessageResponse;

/**
 * The answer is JSON but breaks the schema; thrown only when validation was asked for with
 * {@link JsonOutput#withValidation()}.
 *
 * @since 0.1.0
 */
public class OutputValidationException extends StructuredOutputException {

	private static final long serialVersionUID = 1L;

	private final List<String> errors;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param errors one line per violation, naming the location in the answer
	 * @param response the message of the last attempt
	 * @param attempts the messages of every attempt
	 */
	public OutputValidationException(String message, List<String> errors, MessageResponse response,
			List<MessageResponse> attempts) {
		super(message, response, attempts, null);
		this.errors = List.copyOf(errors);
	}

	/**
	 * Returns the violations.
	 * @return one line per violation, such as {@code $.servings: string found, integer expected}
	 */
	public List<String> errors() {
		return this.errors;
	}

}
