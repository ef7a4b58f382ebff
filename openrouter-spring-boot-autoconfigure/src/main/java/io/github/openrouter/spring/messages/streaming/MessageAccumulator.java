package io.github.openrouter.spring.messages.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.model.Container;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.StopDetails;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStopEvent;
import io.github.openrouter.spring.messages.model.stream.ErrorEvent;
import io.github.openrouter.spring.messages.model.stream.MessageDelta;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamError;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;

/**
 * Builds the {@link MessageResponse} that a stream of events describes, equal to what the
 * same call without streaming returns.
 *
 * <p>
 * Blocks are routed by their {@code index}, whatever order their events arrive in: text is
 * concatenated and citations collected; {@code tool_use} and {@code server_tool_use} input
 * fragments are joined and parsed once when the block stops (no fragments give the input of
 * the start event, or {@code {}}); thinking is concatenated and its signature kept;
 * compaction deltas fill a compaction block; other blocks, unknown ones included, are kept
 * as they started. Usage starts from {@code message_start} and is updated by each
 * {@code message_delta}: its counts are cumulative, so later values replace earlier ones and
 * are never added up, and fields a delta leaves out or sets to null keep their earlier value.
 * The stop reason, stop sequence, stop details and container come from {@code message_delta},
 * and OpenRouter's routing metadata from {@code message_stop}.
 *
 * <p>
 * Not thread-safe: feed it from one thread at a time.
 *
 * @since 0.1.0
 */
public final class MessageAccumulator {

	/** Said by the exceptions of a stream whose content was not kept. */
	public static final String CONTENT_NOT_KEPT = "content not kept (keep-partial-message is off): "
			+ "the partial message has metadata and usage only";

	/** Whether content blocks are accumulated, or only the metadata of the message. */
	private final boolean keepContent;

	private @Nullable MessageResponse start;

	private final TreeMap<Integer, BlockAccumulator> blocks = new TreeMap<>();

	private @Nullable Usage usage;

	private @Nullable StopReason stopReason;

	private @Nullable String stopSequence;

	private @Nullable StopDetails stopDetails;

	private @Nullable Container container;

	private @Nullable OpenRouterMetadata openrouterMetadata;

	private @Nullable ErrorEvent error;

	private boolean contentReceived;

	private boolean complete;

	/**
	 * Creates an accumulator of the whole message.
	 */
	public MessageAccumulator() {
		this(true);
	}

	/**
	 * Creates an accumulator.
	 * @param keepContent whether to accumulate content blocks; when {@code false} only the
	 * metadata is kept (message_start's message without its content, usage, stop reason and
	 * sequence, stop details, container, routing metadata), so that memory does not grow with
	 * the answer, and {@link #snapshot()} has no content
	 */
	public MessageAccumulator(boolean keepContent) {
		this.keepContent = keepContent;
	}

	/**
	 * Adds the next event of the stream.
	 * @param event the event; pings and unknown events are ignored
	 * @throws io.github.openrouter.spring.messages.error.OpenRouterDecodingException if the
	 * joined tool input of a block is not valid JSON when the block stops
	 */
	public void accept(StreamEvent event) {
		if (event instanceof ContentBlockDeltaEvent delta) {
			BlockAccumulator block = this.blocks.get(delta.index());
			if (block != null) {
				block.apply(delta.delta());
			}
			this.contentReceived = true;
		}
		else if (event instanceof ContentBlockStartEvent blockStart) {
			if (this.keepContent) {
				this.blocks.put(blockStart.index(), new BlockAccumulator(blockStart.index(), blockStart.contentBlock()));
			}
			this.contentReceived = true;
		}
		else if (event instanceof ContentBlockStopEvent blockStop) {
			BlockAccumulator block = this.blocks.get(blockStop.index());
			if (block != null) {
				block.stop();
			}
		}
		else if (event instanceof MessageStartEvent messageStart) {
			acceptStart(messageStart.message());
		}
		else if (event instanceof MessageDeltaEvent messageDelta) {
			acceptDelta(messageDelta);
		}
		else if (event instanceof MessageStopEvent messageStop) {
			if (messageStop.openrouterMetadata() != null) {
				this.openrouterMetadata = messageStop.openrouterMetadata();
			}
			this.complete = true;
		}
		else if (event instanceof ErrorEvent errorEvent) {
			this.error = errorEvent;
		}
	}

	/**
	 * Returns the message accumulated so far; blocks that have not stopped yet are included
	 * as they are (a tool input that is not complete JSON yet is {@code null}).
	 * @return the message, complete once {@link #isComplete()} is {@code true}
	 */
	public MessageResponse snapshot() {
		List<ContentBlock> content = new ArrayList<>(this.blocks.size());
		for (BlockAccumulator block : this.blocks.values()) {
			content.add(block.build());
		}
		MessageResponse.Builder builder = (this.start != null) ? this.start.toBuilder() : MessageResponse.builder();
		return builder.content(content)
			.usage(this.usage)
			.stopReason(this.stopReason)
			.stopSequence(this.stopSequence)
			.stopDetails(this.stopDetails)
			.container(this.container)
			.openrouterMetadata((this.openrouterMetadata != null) ? this.openrouterMetadata
					: (this.start != null) ? this.start.openrouterMetadata() : null)
			.build();
	}

	/**
	 * Returns whether {@code message_stop} was received.
	 * @return {@code true} once the message is complete
	 */
	public boolean isComplete() {
		return this.complete;
	}

	/**
	 * Returns whether any content block event was received, that is, whether part of the
	 * answer has already been delivered.
	 * @return {@code true} after the first {@code content_block_*} event
	 */
	public boolean hasContent() {
		return this.contentReceived;
	}

	/**
	 * Accumulates a whole stream of events into its message.
	 * @param events the events of one stream
	 * @return the message once {@code message_stop} arrived and the events completed; an
	 * {@code error} event gives {@link OpenRouterStreamException}, and events that complete
	 * before {@code message_stop} give {@link IncompleteStreamException}, both carrying the
	 * partial message
	 */
	public static Mono<MessageResponse> accumulate(Flux<StreamEvent> events) {
		return Mono.defer(() -> {
			MessageAccumulator accumulator = new MessageAccumulator();
			return events.doOnNext(accumulator::accept).then(Mono.fromCallable(accumulator::finish));
		});
	}

	/**
	 * Returns the complete message, or throws the exception that ends an incomplete stream.
	 * @return the complete message
	 */
	MessageResponse finish() {
		ErrorEvent errorEvent = this.error;
		if (errorEvent != null) {
			throw streamException(errorEvent);
		}
		if (!this.complete) {
			throw new IncompleteStreamException("The stream ended before message_stop"
					+ (this.keepContent ? "" : "; " + CONTENT_NOT_KEPT), snapshot());
		}
		return snapshot();
	}

	/**
	 * Returns the exception for an {@code error} event, carrying the message so far.
	 * @param errorEvent the event
	 * @return the exception
	 */
	public OpenRouterStreamException streamException(ErrorEvent errorEvent) {
		StreamError streamError = errorEvent.error();
		String type = (streamError != null && streamError.type() != null) ? streamError.type() : "error";
		String message = (streamError != null && streamError.message() != null) ? streamError.message()
				: "Stream error event without a message";
		String openRouterType = (streamError != null) ? streamError.errorType() : null;
		if (errorEvent.openrouterMetadata() != null) {
			this.openrouterMetadata = errorEvent.openrouterMetadata();
		}
		return new OpenRouterStreamException(type, openRouterType, message, snapshot(), this.contentReceived,
				this.keepContent ? null : CONTENT_NOT_KEPT);
	}

	/**
	 * Returns whether content blocks are accumulated.
	 * @return {@code false} if only the metadata of the message is kept
	 */
	public boolean keepsContent() {
		return this.keepContent;
	}

	private void acceptStart(MessageResponse message) {
		this.start = (this.keepContent || message.content().isEmpty()) ? message
				: message.toBuilder().content(List.of()).build();
		this.usage = message.usage();
		this.stopReason = message.stopReason();
		this.stopSequence = message.stopSequence();
		this.stopDetails = message.stopDetails();
		this.container = message.container();
		int index = 0;
		for (ContentBlock block : this.start.content()) {
			BlockAccumulator accumulator = new BlockAccumulator(index, block);
			accumulator.stop();
			this.blocks.put(index++, accumulator);
		}
	}

	private void acceptDelta(MessageDeltaEvent event) {
		MessageDelta delta = event.delta();
		if (delta != null) {
			if (delta.stopReason() != null) {
				this.stopReason = delta.stopReason();
			}
			if (delta.stopSequence() != null) {
				this.stopSequence = delta.stopSequence();
			}
			if (delta.stopDetails() != null) {
				this.stopDetails = delta.stopDetails();
			}
			if (delta.container() != null) {
				this.container = delta.container();
			}
		}
		Usage later = event.usage();
		if (later != null) {
			this.usage = (this.usage != null) ? this.usage.merge(later) : later;
		}
	}

}
