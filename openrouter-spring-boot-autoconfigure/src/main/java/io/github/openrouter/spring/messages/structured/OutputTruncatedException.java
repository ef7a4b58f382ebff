package io.github.openrouter.spring.messages.structured;

import java.util.List;

import io.github.openrouter.spring.messages.model.MessageResponse;

/**
 * The answer was cut off before its JSON was complete: the stop reason is {@code max_tokens}
 * (raise the request's {@code maxTokens}) or {@code model_context_window_exceeded}. Not retried.
 *
 * @since 0.1.0
 */
public class OutputTruncatedException extends StructuredOutputException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param response the message of the last attempt
	 * @param attempts the messages of every attempt
	 */
	public OutputTruncatedException(String message, MessageResponse response, List<MessageResponse> attempts) {
		super(message, response, attempts, null);
	}

}
