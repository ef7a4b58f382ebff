package io.github.openrouter.spring.messages.streaming.internal;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * {@link MessageStream} over a {@code Flux<StreamEvent>}: a bounded buffer between the
 * connection and a blocking reader.
 *
 * <p>
 * It subscribes when created and holds at most {@link #DEFAULT_BUFFER_SIZE} (or the given
 * number of) events: the flux is asked for more only as the reader takes them, so a slow
 * reader slows the connection down instead of growing the heap. Events reach the reader in
 * batches (those of one body chunk), so that it is not woken for every event. Every event the
 * reader takes is also accumulated, so {@link #finalMessage()} returns the same message a
 * non-streaming call would; this stream keeps that content whatever the client's
 * {@code keepPartialMessage} setting says (the setting only decides whether the exceptions
 * of a failed stream carry the content received so far). Waiting for an event on a Reactor non-blocking thread fails with
 * {@link IllegalStateException} instead of blocking it. {@link #close()} (also through the
 * Java stream returned by {@link #stream()}) cancels the subscription, which closes the HTTP
 * connection if the stream had not reached {@code message_stop}. Errors of the flux are thrown by the iterator and by {@link #finalMessage()}.
 * Not thread-safe, except that {@link #close()} may be called from any thread.
 *
 * @since 0.1.0
 */
public final class DefaultMessageStream implements MessageStream {

	/**
	 * Events buffered by default between the connection and the reader: a few body chunks' worth
	 * (a text delta event is ~100 bytes on the wire), so that the reader asks the connection for
	 * more, which wakes its event loop, about once per 200 events rather than once per 24.
	 */
	public static final int DEFAULT_BUFFER_SIZE = 256;

	private final BlockingEventIterator<StreamEvent> events;

	private final MessageAccumulator accumulator = new MessageAccumulator();

	private final Iterator<StreamEvent> iterator = new AccumulatingIterator();

	private @Nullable MessageResponse finalMessage;

	/**
	 * Creates a stream with the default buffer and subscribes to the events.
	 * @param events the events of one streaming call
	 */
	public DefaultMessageStream(Flux<StreamEvent> events) {
		this(events, DEFAULT_BUFFER_SIZE);
	}

	/**
	 * Creates a stream and subscribes to the events.
	 * @param events the events of one streaming call
	 * @param bufferSize the most events held before the reader takes them
	 */
	public DefaultMessageStream(Flux<StreamEvent> events, int bufferSize) {
		this.events = new BlockingEventIterator<>(Objects.requireNonNull(events, "events"), bufferSize);
	}

	/**
	 * Returns the iterator over the remaining events; every call returns the same iterator.
	 * @return the iterator
	 */
	@Override
	public Iterator<StreamEvent> iterator() {
		return this.iterator;
	}

	@Override
	public Stream<StreamEvent> stream() {
		Spliterator<StreamEvent> spliterator = Spliterators.spliteratorUnknownSize(this.iterator,
				Spliterator.ORDERED | Spliterator.NONNULL);
		return StreamSupport.stream(spliterator, false).onClose(this::close);
	}

	/**
	 * Consumes the remaining events and returns the accumulated message.
	 * @return the complete message
	 * @throws io.github.openrouter.spring.messages.error.OpenRouterException the error that
	 * ended the stream, or {@link IncompleteStreamException} if it ended (or was closed)
	 * before {@code message_stop}; both carry the partial message when there is one
	 */
	@Override
	public MessageResponse finalMessage() {
		MessageResponse message = this.finalMessage;
		if (message != null) {
			return message;
		}
		while (this.iterator.hasNext()) {
			this.iterator.next();
		}
		if (!this.accumulator.isComplete()) {
			throw new IncompleteStreamException("The stream was closed or ended before message_stop",
					this.accumulator.snapshot());
		}
		message = this.accumulator.snapshot();
		this.finalMessage = message;
		return message;
	}

	@Override
	public void close() {
		this.events.close();
	}

	@Override
	public String toString() {
		return "DefaultMessageStream[complete=" + this.accumulator.isComplete() + ", buffered="
				+ this.events.buffered() + "]";
	}

	private final class AccumulatingIterator implements Iterator<StreamEvent> {

		@Override
		public boolean hasNext() {
			return DefaultMessageStream.this.events.hasNext();
		}

		@Override
		public StreamEvent next() {
			StreamEvent event = DefaultMessageStream.this.events.next();
			DefaultMessageStream.this.accumulator.accept(event);
			return event;
		}

	}

}
