package io.github.openrouter.spring.messages;

import java.util.stream.Stream;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;

/**
 * Blocking view of a streaming call: iterate its events, then read the accumulated message.
 *
 * <p>
 * Use it in try-with-resources: closing it before the end cancels the call and closes the
 * connection. It buffers a bounded number of events; a slow reader slows the connection down
 * instead of growing the heap. Not thread-safe.
 *
 * @since 0.1.0
 */
public interface MessageStream extends Iterable<StreamEvent>, AutoCloseable {

	/**
	 * Returns the remaining events as a sequential Java stream; closing it closes this stream.
	 * @return the events
	 */
	Stream<StreamEvent> stream();

	/**
	 * Consumes any remaining events and returns the message accumulated from all of them.
	 * @return the complete message, equal to what a non-streaming call would return
	 */
	MessageResponse finalMessage();

	/**
	 * Cancels the call if it is still running and releases the connection.
	 */
	@Override
	void close();

}
