package io.github.openrouter.spring.messages.structured;

import java.util.List;
import java.util.Objects;

import io.github.openrouter.spring.messages.model.MessageResponse;

/**
 * A typed answer with the whole message it was parsed from.
 *
 * @param <T> the type of the answer
 * @param value the answer, parsed with the client's mapper
 * @param response the message of the attempt that gave the answer: usage, cost, provider and
 * the raw text
 * @param attempts the messages of every attempt in order, the last being {@code response};
 * more than one after a corrective retry, each with its own usage and cost
 * @since 0.1.0
 */
public record StructuredResponse<T>(T value, MessageResponse response, List<MessageResponse> attempts) {

	/**
	 * Creates a response, copying the attempts.
	 * @param value the answer
	 * @param response the message that gave the answer
	 * @param attempts the messages of every attempt, the last being {@code response}
	 */
	public StructuredResponse {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(response, "response");
		attempts = List.copyOf(attempts);
	}

}
