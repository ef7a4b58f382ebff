package io.github.openrouter.spring.messages.structured;

import java.util.List;

import io.github.openrouter.spring.messages.model.MessageResponse;

/**
 * The answer is not JSON, or its JSON does not fit the Java type.
 *
 * @since 0.1.0
 */
public class OutputParseException extends StructuredOutputException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong, without the answer's text
	 * @param response the message of the last attempt
	 * @param attempts the messages of every attempt
	 * @param cause the parser's error
	 */
	public OutputParseException(String message, MessageResponse response, List<MessageResponse> attempts,
			Throwable cause) {
		super(message, response, attempts, cause);
	}

}
