package io.github.openrouter.spring.messages.structured.internal;

import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.structured.StructuredResponse;
import io.github.openrouter.spring.messages.structured.StructuredStream;

/**
 * {@link StructuredStream} over a {@link MessageStream}: the events pass through unchanged, and
 * the final message is read once it is complete.
 *
 * @param <T> the type of the answer
 */
final class DefaultStructuredStream<T> implements StructuredStream<T> {

	private final MessageStream stream;

	private final Function<MessageResponse, StructuredResponse<T>> reader;

	DefaultStructuredStream(MessageStream stream, Function<MessageResponse, StructuredResponse<T>> reader) {
		this.stream = stream;
		this.reader = reader;
	}

	@Override
	public Iterator<StreamEvent> iterator() {
		return this.stream.iterator();
	}

	@Override
	public Stream<StreamEvent> stream() {
		return this.stream.stream();
	}

	@Override
	public MessageResponse finalMessage() {
		return this.stream.finalMessage();
	}

	@Override
	public StructuredResponse<T> finalResponse() {
		return this.reader.apply(this.stream.finalMessage());
	}

	@Override
	public void close() {
		this.stream.close();
	}

	@Override
	public String toString() {
		return "DefaultStructuredStream[" + this.stream + "]";
	}

}
