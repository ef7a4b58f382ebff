package io.github.openrouter.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;

/**
 * A server-sent event stream written frame by frame, for the cases a {@link StubAnswer#message
 * message answer} does not cover: events out of order, unknown events, a keep-alive comment in the
 * middle, pauses of different lengths.
 *
 * <p>
 * Build one with {@link #builder()}, starting from {@link #eventsOf(MessageResponse)} when the
 * events of an ordinary answer are a good base, and answer with {@link StubAnswer#stream(StubStream)}:
 * <pre class="code">
 * List&lt;StreamEvent&gt; events = StubStream.eventsOf(message);
 * StubStream stream = StubStream.builder()
 * 	.events(events.subList(0, 3))
 * 	.keepAlive()
 * 	.pause(Duration.ofMillis(50))
 * 	.events(events.subList(3, events.size()))
 * 	.done()
 * 	.build();
 * </pre>
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public final class StubStream {

	/** The keep-alive comment OpenRouter sends while a request is processed. */
	public static final String PROCESSING_COMMENT = "OPENROUTER PROCESSING";

	private final List<Frame> frames;

	private final Ending ending;

	private StubStream(List<Frame> frames, Ending ending) {
		this.frames = List.copyOf(frames);
		this.ending = ending;
	}

	/**
	 * Returns the events a streamed answer with this message consists of, as OpenRouter sends
	 * them: {@code message_start}, {@code ping}, for every block {@code content_block_start}, its
	 * deltas (text in chunks of a few words, tool input as partial JSON) and
	 * {@code content_block_stop}, then {@code message_delta} and {@code message_stop} (with the
	 * message's {@code openrouter_metadata}).
	 * @param message the complete message
	 * @return the events, in order
	 */
	public static List<StreamEvent> eventsOf(MessageResponse message) {
		return StubWireFormat.events(message);
	}

	/**
	 * Returns an empty builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	List<Frame> frames() {
		return this.frames;
	}

	Ending ending() {
		return this.ending;
	}

	/**
	 * How the stub ends a stream once its frames are written.
	 */
	enum Ending {

		/** End the response normally. */
		COMPLETE,

		/** Close the connection without ending the response, as a broken upstream would. */
		CUT,

		/** Keep the connection open, sending nothing more, until the client closes it. */
		STALL

	}

	/**
	 * One frame of a stream, or a pause between two.
	 */
	sealed interface Frame {

	}

	/**
	 * An SSE comment line.
	 */
	record Comment(String text) implements Frame {

	}

	/**
	 * An event, written as {@code event:} and {@code data:} lines.
	 */
	record Event(StreamEvent event) implements Frame {

	}

	/**
	 * OpenRouter's trailing {@code [DONE]} frame.
	 */
	record Done() implements Frame {

	}

	/**
	 * A pause the server waits, on a Reactor scheduler, before the next frame.
	 */
	record Pause(Duration duration) implements Frame {

	}

	/**
	 * Builder for {@link StubStream}.
	 */
	public static final class Builder {

		private final List<Frame> frames = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Adds OpenRouter's keep-alive comment ({@value #PROCESSING_COMMENT}).
		 * @return this builder
		 */
		public Builder keepAlive() {
			return comment(PROCESSING_COMMENT);
		}

		/**
		 * Adds a comment line, which clients must skip.
		 * @param text the comment, without the leading colon; a single line
		 * @return this builder
		 */
		public Builder comment(String text) {
			if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
				throw new IllegalArgumentException("A comment must be a single line");
			}
			this.frames.add(new Comment(text));
			return this;
		}

		/**
		 * Adds an event.
		 * @param event the event, written with its {@code type} as the event name
		 * @return this builder
		 */
		public Builder event(StreamEvent event) {
			this.frames.add(new Event(Objects.requireNonNull(event, "event")));
			return this;
		}

		/**
		 * Adds events in order.
		 * @param events the events
		 * @return this builder
		 */
		public Builder events(List<? extends StreamEvent> events) {
			events.forEach(this::event);
			return this;
		}

		/**
		 * Adds OpenRouter's trailing {@code event: data} / {@code data: [DONE]} frame.
		 * @return this builder
		 */
		public Builder done() {
			this.frames.add(new Done());
			return this;
		}

		/**
		 * Pauses before the next frame. The server waits on a Reactor scheduler, not on a thread.
		 * @param duration how long to wait
		 * @return this builder
		 */
		public Builder pause(Duration duration) {
			this.frames.add(new Pause(StubAnswer.requireNotNegative(duration, "duration")));
			return this;
		}

		/**
		 * Builds a stream that ends the response normally after its frames.
		 * @return the stream
		 */
		public StubStream build() {
			return new StubStream(this.frames, Ending.COMPLETE);
		}

		/**
		 * Builds a stream after whose frames the stub closes the connection without ending the
		 * response, as a broken upstream would.
		 * @return the stream
		 */
		public StubStream buildThenCut() {
			return new StubStream(this.frames, Ending.CUT);
		}

		/**
		 * Builds a stream after whose frames the stub sends nothing more and keeps the
		 * connection open until the client closes it.
		 * @return the stream
		 */
		public StubStream buildThenStall() {
			return new StubStream(this.frames, Ending.STALL);
		}

	}

}
