package io.github.openrouter.spring.messages.structured;

import java.util.List;

import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.jspecify.annotations.Nullable;

/**
 * An answer arrived but gave no typed value; carries the raw text and the whole message.
 *
 * <p>
 * The message of the exception names the cause but never quotes the answer: read
 * {@link #rawText()} for that, and mind that it may hold personal data before logging it.
 *
 * @since 0.1.0
 */
public class StructuredOutputException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	private final transient MessageResponse response;

	private final transient List<MessageResponse> attempts;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param response the message of the last attempt
	 * @param attempts the messages of every attempt, the last being {@code response}
	 * @param cause the cause, or {@code null}
	 */
	public StructuredOutputException(String message, MessageResponse response, List<MessageResponse> attempts,
			@Nullable Throwable cause) {
		super(message, cause);
		this.response = response;
		this.attempts = List.copyOf(attempts);
	}

	/**
	 * Returns the text of the answer, as the model wrote it.
	 * @return the concatenated text blocks of the last attempt, empty if there were none
	 */
	public String rawText() {
		return this.response.text();
	}

	/**
	 * Returns the message of the last attempt, with its stop reason, usage and cost.
	 * @return the message
	 */
	public MessageResponse response() {
		return this.response;
	}

	/**
	 * Returns the messages of every attempt in order, each with its own usage and cost.
	 * @return one message per call, the last being {@link #response()}
	 */
	public List<MessageResponse> attempts() {
		return this.attempts;
	}

}
