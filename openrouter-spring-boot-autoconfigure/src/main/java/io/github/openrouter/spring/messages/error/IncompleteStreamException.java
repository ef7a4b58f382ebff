package io.github.openrouter.spring.messages.error;

import io.github.openrouter.spring.messages.model.MessageResponse;
import org.jspecify.annotations.Nullable;

/**
 * A stream ended before its {@code message_stop} event; carries what arrived until then.
 *
 * @since 0.1.0
 */
public class IncompleteStreamException extends OpenRouterDecodingException {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable MessageResponse partialMessage;

	/**
	 * Creates an exception for a truncated stream.
	 * @param message what was missing
	 * @param partialMessage the message accumulated so far, or {@code null} if none started
	 */
	public IncompleteStreamException(String message, @Nullable MessageResponse partialMessage) {
		super(message, null);
		this.partialMessage = partialMessage;
	}

	/**
	 * Returns the message accumulated before the stream ended.
	 * @return the partial message, or {@code null} if no {@code message_start} arrived
	 */
	public @Nullable MessageResponse partialMessage() {
		return this.partialMessage;
	}

	/**
	 * Returns {@code true} only if the stream ended before any message started.
	 */
	@Override
	public boolean isRetryable() {
		return this.partialMessage == null;
	}

}
