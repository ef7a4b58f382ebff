package io.github.openrouter.spring.messages.streaming.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.model.stream.ErrorEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import io.github.openrouter.spring.messages.streaming.SseFrameTooLargeException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the body of a streaming call, as it arrives, into typed {@link StreamEvent}s.
 *
 * <p>
 * Bytes are cut into server-sent events by {@link SseFrameDecoder} (LF, CRLF and CR line
 * ends, comments, multi-line data, UTF-8 split anywhere) and each event's data is parsed
 * once, straight from its bytes; the JSON {@code type} decides the event class. Comment
 * keep-alives, {@code ping} events and the trailing {@code [DONE]} are not emitted. The
 * returned flux completes after {@code message_stop} once the body ends (anything after
 * {@code message_stop} is ignored, and so is an error of the body after it). An
 * {@code error} event ends it with {@link io.github.openrouter.spring.messages.error.OpenRouterStreamException},
 * a body that ends before {@code message_stop} with {@link IncompleteStreamException}; both
 * carry the message accumulated so far. Malformed data ends it with
 * {@link OpenRouterDecodingException}.
 *
 * <p>
 * To build that partial message each stream keeps the content received so far (about as
 * many bytes as the answer's text), unless the decoder was created with
 * {@code keepPartialMessage} off: then memory per open stream does not grow with the answer,
 * the partial message only has message_start's message without content, the usage so far
 * and the stop reason, and the exceptions say in their message that content was not kept.
 *
 * <p>
 * Each subscription decodes independently. Data buffers are released once decoded, and
 * buffered ones when the subscription is cancelled. A blocking {@link DefaultMessageStream}
 * is told where the events of each chunk end, so that its reader is woken once per chunk.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class StreamEventDecoder {

	/**
	 * How many body chunks are requested ahead of the events decoded from them: one, so that the
	 * body has demand only while the reader waits for events (the stream's idle clock runs only
	 * then).
	 */
	private static final int BODY_PREFETCH = 1;

	/** Marks where the events of one chunk begin, for an {@link EventBatchListener}. */
	private static final Object BATCH_START = new Object();

	/** Marks where the events of one chunk end, for an {@link EventBatchListener}. */
	private static final Object BATCH_END = new Object();

	/** The data of the event that some servers send after the last one. */
	private static final byte[] DONE = { '[', 'D', 'O', 'N', 'E', ']' };

	private final StreamEventReader reader;

	private final int maxFrameBytes;

	private final boolean keepPartialMessage;

	/**
	 * Creates a decoder with the default frame limit of 16 MiB that keeps the partial message.
	 * @param mapper the mapper that binds events; a plain {@code JsonMapper} is enough
	 */
	public StreamEventDecoder(JsonMapper mapper) {
		this(mapper, SseFrameDecoder.DEFAULT_MAX_FRAME_BYTES);
	}

	/**
	 * Creates a decoder that keeps the partial message.
	 * @param mapper the mapper that binds events; a plain {@code JsonMapper} is enough
	 * @param maxFrameBytes the largest server-sent event accepted, in bytes
	 */
	public StreamEventDecoder(JsonMapper mapper, int maxFrameBytes) {
		this(mapper, maxFrameBytes, true);
	}

	/**
	 * Creates a decoder with the default frame limit of 16 MiB.
	 * @param mapper the mapper that binds events; a plain {@code JsonMapper} is enough
	 * @param keepPartialMessage whether each stream keeps the content received so far for the
	 * partial message of its exceptions; when {@code false} memory per open stream does not
	 * grow with the answer and the partial message has metadata and usage only
	 */
	public StreamEventDecoder(JsonMapper mapper, boolean keepPartialMessage) {
		this(mapper, SseFrameDecoder.DEFAULT_MAX_FRAME_BYTES, keepPartialMessage);
	}

	/**
	 * Creates a decoder.
	 * @param mapper the mapper that binds events; a plain {@code JsonMapper} is enough
	 * @param maxFrameBytes the largest server-sent event accepted, in bytes
	 * @param keepPartialMessage whether each stream keeps the content received so far for the
	 * partial message of its exceptions; when {@code false} memory per open stream does not
	 * grow with the answer and the partial message has metadata and usage only
	 */
	public StreamEventDecoder(JsonMapper mapper, int maxFrameBytes, boolean keepPartialMessage) {
		this.reader = new StreamEventReader(Objects.requireNonNull(mapper, "mapper"));
		if (maxFrameBytes <= 0) {
			throw new IllegalArgumentException("maxFrameBytes must be positive but was " + maxFrameBytes);
		}
		this.maxFrameBytes = maxFrameBytes;
		this.keepPartialMessage = keepPartialMessage;
	}

	/**
	 * Decodes a streaming body.
	 * @param body the body chunks; each is released after decoding
	 * @param generationId the {@code X-Generation-Id} response header, put on the message of
	 * {@code message_start} (and so on every accumulated message), or {@code null}
	 * @return the events in arrival order
	 */
	public Flux<StreamEvent> decode(Flux<DataBuffer> body, @Nullable String generationId) {
		return decode(body, generationId, null);
	}

	/**
	 * Decodes a streaming body, reporting keep-alive comments.
	 * @param body the body chunks; each is released after decoding
	 * @param generationId the {@code X-Generation-Id} response header, or {@code null}
	 * @param keepAliveListener called for each {@code :} comment line (such as
	 * {@code : OPENROUTER PROCESSING}), or {@code null}
	 * @return the events in arrival order
	 */
	public Flux<StreamEvent> decode(Flux<DataBuffer> body, @Nullable String generationId,
			@Nullable Runnable keepAliveListener) {
		Objects.requireNonNull(body, "body");
		return Flux.deferContextual((context) -> {
			EventBatchListener batchListener = context.getOrDefault(EventBatchListener.CONTEXT_KEY, null);
			DecodingState state = new DecodingState(generationId, keepAliveListener, batchListener != null);
			return body.concatMapIterable(state::onChunk, BODY_PREFETCH)
				.onErrorResume((ex) -> state.isStopped() ? Flux.empty() : Flux.error(ex))
				.concatWith(Flux.defer(() -> Flux.fromIterable(state.onBodyEnd())))
				.<StreamEvent>handle((item, sink) -> {
					if (item instanceof StreamEvent event) {
						sink.next(event);
					}
					else if (item == BATCH_START) {
						batchListener.batchStarted();
					}
					else if (item == BATCH_END) {
						batchListener.batchEnded();
					}
					else {
						sink.error((Throwable) item);
					}
				})
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

	/**
	 * The state of one decoding: frame decoder and accumulator. Emits items that are a
	 * {@link StreamEvent}, the {@link Throwable} that ends the stream, or a batch marker.
	 * Each frame's data is parsed while the frame decoder hands it over, straight from the
	 * chunk's bytes, so before the chunk is released.
	 */
	private final class DecodingState implements SseFrameDecoder.Handler {

		private final SseFrameDecoder frames = new SseFrameDecoder(StreamEventDecoder.this.maxFrameBytes);

		private final MessageAccumulator accumulator = new MessageAccumulator(
				StreamEventDecoder.this.keepPartialMessage);

		private final @Nullable String generationId;

		private final @Nullable Runnable keepAliveListener;

		/** Where the frames of the chunk being decoded put their items. */
		private List<Object> items = List.of();

		/** The body has ended: a last event that fails to parse was cut short. */
		private boolean bodyEnded;

		/** The body ended inside an event. */
		private boolean unterminated;

		/** {@code message_stop} seen: what follows is drained and ignored. */
		private boolean stopped;

		/** An error item was emitted: nothing more is emitted. */
		private boolean failed;

		/** Whether the events of each chunk are put between batch markers. */
		private final boolean markBatches;

		DecodingState(@Nullable String generationId, @Nullable Runnable keepAliveListener, boolean markBatches) {
			this.generationId = generationId;
			this.keepAliveListener = keepAliveListener;
			this.markBatches = markBatches;
		}

		boolean isStopped() {
			return this.stopped;
		}

		List<Object> onChunk(DataBuffer buffer) {
			try {
				if (this.stopped || this.failed) {
					return List.of();
				}
				List<Object> chunkItems = new ArrayList<>();
				if (this.markBatches) {
					chunkItems.add(BATCH_START);
				}
				this.items = chunkItems;
				try {
					this.frames.decode(buffer, this);
				}
				catch (SseFrameTooLargeException ex) {
					if (!this.stopped && !this.failed) {
						chunkItems.add(ex);
						this.failed = true;
					}
				}
				finally {
					this.items = List.of();
				}
				if (this.markBatches) {
					if (chunkItems.size() == 1) {
						return List.of();
					}
					chunkItems.add(BATCH_END);
				}
				return chunkItems;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		List<Object> onBodyEnd() {
			if (this.stopped || this.failed) {
				return List.of();
			}
			List<Object> endItems = new ArrayList<>(2);
			this.items = endItems;
			this.bodyEnded = true;
			this.unterminated = this.frames.hasPendingData();
			try {
				this.frames.finish(this);
			}
			finally {
				this.items = List.of();
			}
			if (!this.stopped && !this.failed) {
				endItems.add(new IncompleteStreamException(
						"The stream ended before message_stop" + (this.unterminated ? ", inside an event" : "")
								+ (this.accumulator.keepsContent() ? "" : "; " + MessageAccumulator.CONTENT_NOT_KEPT),
						this.accumulator.snapshot()));
				this.failed = true;
			}
			return endItems;
		}

		@Override
		public void onComment(String comment) {
			if (this.keepAliveListener != null && !this.stopped && !this.failed) {
				this.keepAliveListener.run();
			}
		}

		@Override
		public void onEvent(@Nullable String event, byte[] data, int offset, int length, @Nullable String id) {
			if (this.stopped || this.failed || isDone(data, offset, length)) {
				return;
			}
			StreamEvent streamEvent;
			try {
				streamEvent = StreamEventDecoder.this.reader.read(data, offset, length);
			}
			catch (OpenRouterDecodingException ex) {
				if (this.bodyEnded && this.unterminated) {
					// the body ended inside this event: report the truncation, not the JSON
					return;
				}
				this.items.add(ex);
				this.failed = true;
				return;
			}
			onEvent(streamEvent, this.items);
		}

		private static boolean isDone(byte[] data, int offset, int length) {
			return length == DONE.length && Arrays.equals(data, offset, offset + length, DONE, 0, DONE.length);
		}

		private void onEvent(StreamEvent event, List<Object> items) {
			if (event instanceof PingEvent) {
				return;
			}
			if (event instanceof MessageStartEvent start && this.generationId != null) {
				event = new MessageStartEvent(MessageStartEvent.TYPE, start.message().withGenerationId(this.generationId));
			}
			if (event instanceof ErrorEvent error) {
				this.accumulator.accept(error);
				items.add(this.accumulator.streamException(error));
				this.failed = true;
				return;
			}
			try {
				this.accumulator.accept(event);
			}
			catch (OpenRouterDecodingException ex) {
				items.add(ex);
				this.failed = true;
				return;
			}
			items.add(event);
			if (event instanceof MessageStopEvent) {
				this.stopped = true;
			}
		}

	}

}
