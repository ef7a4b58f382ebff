package io.github.openrouter.spring.messages.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.model.stream.ErrorEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;

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
 * Each subscription decodes independently. Data buffers are released once decoded, and
 * buffered ones when the subscription is cancelled. Thread-safe.
 *
 * @since 0.1.0
 */
public final class StreamEventDecoder {

	/** How many body chunks are requested ahead of the events decoded from them. */
	private static final int BODY_PREFETCH = 2;

	private final StreamEventReader reader;

	private final int maxFrameBytes;

	/**
	 * Creates a decoder with the default frame limit of 16 MiB.
	 * @param mapper the mapper that binds events; a plain {@code JsonMapper} is enough
	 */
	public StreamEventDecoder(JsonMapper mapper) {
		this(mapper, SseFrameDecoder.DEFAULT_MAX_FRAME_BYTES);
	}

	/**
	 * Creates a decoder.
	 * @param mapper the mapper that binds events; a plain {@code JsonMapper} is enough
	 * @param maxFrameBytes the largest server-sent event accepted, in bytes
	 */
	public StreamEventDecoder(JsonMapper mapper, int maxFrameBytes) {
		this.reader = new StreamEventReader(Objects.requireNonNull(mapper, "mapper"));
		if (maxFrameBytes <= 0) {
			throw new IllegalArgumentException("maxFrameBytes must be positive but was " + maxFrameBytes);
		}
		this.maxFrameBytes = maxFrameBytes;
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
		return Flux.defer(() -> {
			DecodingState state = new DecodingState(generationId, keepAliveListener);
			return body.concatMapIterable(state::onChunk, BODY_PREFETCH)
				.onErrorResume((ex) -> state.isStopped() ? Flux.empty() : Flux.error(ex))
				.concatWith(Flux.defer(() -> Flux.fromIterable(state.onBodyEnd())))
				.<StreamEvent>handle((item, sink) -> {
					if (item instanceof StreamEvent event) {
						sink.next(event);
					}
					else {
						sink.error((Throwable) item);
					}
				})
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

	/**
	 * The state of one decoding: frame decoder and accumulator. Emits items that are either
	 * a {@link StreamEvent} or the {@link Throwable} that ends the stream.
	 */
	private final class DecodingState {

		private final SseFrameDecoder frames = new SseFrameDecoder(StreamEventDecoder.this.maxFrameBytes);

		private final MessageAccumulator accumulator = new MessageAccumulator();

		private final @Nullable String generationId;

		private final @Nullable Runnable keepAliveListener;

		/** {@code message_stop} seen: what follows is drained and ignored. */
		private boolean stopped;

		/** An error item was emitted: nothing more is emitted. */
		private boolean failed;

		DecodingState(@Nullable String generationId, @Nullable Runnable keepAliveListener) {
			this.generationId = generationId;
			this.keepAliveListener = keepAliveListener;
		}

		boolean isStopped() {
			return this.stopped;
		}

		List<Object> onChunk(DataBuffer buffer) {
			List<SseFrame> decoded;
			try {
				if (this.stopped || this.failed) {
					return List.of();
				}
				decoded = this.frames.decode(buffer);
			}
			catch (SseFrameTooLargeException ex) {
				return fail(ex);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
			return onFrames(decoded, false);
		}

		List<Object> onBodyEnd() {
			if (this.stopped || this.failed) {
				return List.of();
			}
			boolean unterminated = this.frames.hasPendingData();
			List<Object> items = onFrames(this.frames.finish(), unterminated);
			if (!this.stopped && !this.failed) {
				items = new ArrayList<>(items);
				items.add(new IncompleteStreamException(
						"The stream ended before message_stop" + (unterminated ? ", inside an event" : ""),
						this.accumulator.snapshot()));
				this.failed = true;
			}
			return items;
		}

		private List<Object> onFrames(List<SseFrame> decoded, boolean lastMayBeTruncated) {
			if (decoded.isEmpty()) {
				return List.of();
			}
			List<Object> items = new ArrayList<>(decoded.size());
			for (int i = 0; i < decoded.size() && !this.stopped && !this.failed; i++) {
				SseFrame frame = decoded.get(i);
				if (frame.isComment()) {
					if (this.keepAliveListener != null) {
						this.keepAliveListener.run();
					}
					continue;
				}
				if (frame.dataEquals("[DONE]")) {
					continue;
				}
				StreamEvent event;
				try {
					event = StreamEventDecoder.this.reader.read(frame.data());
				}
				catch (OpenRouterDecodingException ex) {
					if (lastMayBeTruncated && i == decoded.size() - 1) {
						// the body ended inside this event: report the truncation, not the JSON
						return items;
					}
					items.add(ex);
					this.failed = true;
					return items;
				}
				onEvent(event, items);
			}
			return items;
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

		private List<Object> fail(Throwable failure) {
			this.failed = true;
			List<Object> items = new ArrayList<>(1);
			items.add(failure);
			return items;
		}

	}

}
