package io.github.openrouter.spring.messages.structured;

import io.github.openrouter.spring.messages.MessageStream;

/**
 * A blocking stream of a call that asked for JSON: iterate its events as for any
 * {@link MessageStream}, then read the typed answer parsed from the final message.
 *
 * @param <T> the type of the answer
 * @since 0.1.0
 */
public interface StructuredStream<T> extends MessageStream {

	/**
	 * Consumes any remaining events and parses the final message.
	 * @return the answer with the final message
	 * @throws StructuredOutputException if the final message gives no typed value
	 */
	StructuredResponse<T> finalResponse();

}
