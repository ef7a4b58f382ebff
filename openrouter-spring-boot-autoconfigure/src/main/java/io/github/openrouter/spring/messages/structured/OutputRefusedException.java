package io.github.openrouter.spring.messages.structured;

import java.util.List;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.StopDetails;
import org.jspecify.annotations.Nullable;

/**
 * The model refused to answer (stop reason {@code refusal}); its text, if any, need not match
 * the schema. Not retried.
 *
 * @since 0.1.0
 */
public class OutputRefusedException extends StructuredOutputException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param response the message of the last attempt
	 * @param attempts the messages of every attempt
	 */
	public OutputRefusedException(String message, MessageResponse response, List<MessageResponse> attempts) {
		super(message, response, attempts, null);
	}

	/**
	 * Returns why the model refused, as the response's {@code stop_details} say.
	 * @return the category and explanation, or {@code null} if the response gave none
	 */
	public @Nullable StopDetails stopDetails() {
		return response().stopDetails();
	}

}
