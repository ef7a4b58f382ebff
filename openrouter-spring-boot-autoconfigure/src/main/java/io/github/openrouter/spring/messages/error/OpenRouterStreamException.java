package io.github.openrouter.spring.messages.error;

import java.util.Set;

import io.github.openrouter.spring.messages.model.MessageResponse;
import org.jspecify.annotations.Nullable;

/**
 * The server sent an {@code event: error} after answering 200 to a streaming request.
 *
 * <p>
 * Carries the message accumulated before the error. Retrying is only offered while no content
 * was delivered, so a caller never sees the same content twice.
 *
 * @since 0.1.0
 */
public class OpenRouterStreamException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	private static final Set<String> RETRYABLE_TYPES = Set.of("overloaded_error", "api_error", "rate_limit_error",
			"timeout_error", "provider_overloaded", "provider_unavailable", "rate_limit_exceeded", "server", "timeout");

	private final String errorType;

	private final @Nullable String openRouterErrorType;

	private final String errorMessage;

	private final transient @Nullable MessageResponse partialMessage;

	private final boolean contentDelivered;

	/**
	 * Creates an exception for an error event.
	 * @param errorType Anthropic's {@code error.type} of the event, such as {@code overloaded_error}
	 * @param openRouterErrorType OpenRouter's {@code error.error_type}, or {@code null}
	 * @param errorMessage the event's message
	 * @param partialMessage the message accumulated before the error, or {@code null} if the
	 * stream had not started
	 * @param contentDelivered whether any content event reached the caller before the error
	 */
	public OpenRouterStreamException(String errorType, @Nullable String openRouterErrorType, String errorMessage,
			@Nullable MessageResponse partialMessage, boolean contentDelivered) {
		this(errorType, openRouterErrorType, errorMessage, partialMessage, contentDelivered, null);
	}

	/**
	 * Creates an exception for an error event, with a note added to the exception message.
	 * @param errorType Anthropic's {@code error.type} of the event, such as {@code overloaded_error}
	 * @param openRouterErrorType OpenRouter's {@code error.error_type}, or {@code null}
	 * @param errorMessage the event's message
	 * @param partialMessage the message accumulated before the error, or {@code null} if the
	 * stream had not started
	 * @param contentDelivered whether any content event reached the caller before the error
	 * @param note appended to the exception message (not to {@link #errorMessage()}), such as
	 * what the partial message leaves out, or {@code null}
	 */
	public OpenRouterStreamException(String errorType, @Nullable String openRouterErrorType, String errorMessage,
			@Nullable MessageResponse partialMessage, boolean contentDelivered, @Nullable String note) {
		super("Stream error: " + errorType + ((openRouterErrorType != null) ? " (" + openRouterErrorType + ")" : "")
				+ ": " + errorMessage + ((note != null) ? " [" + note + "]" : ""));
		this.errorType = errorType;
		this.openRouterErrorType = openRouterErrorType;
		this.errorMessage = Redaction.forMessage(errorMessage);
		this.partialMessage = partialMessage;
		this.contentDelivered = contentDelivered;
	}

	/**
	 * Returns Anthropic's {@code error.type} of the event.
	 * @return the error type
	 */
	public String errorType() {
		return this.errorType;
	}

	/**
	 * Returns OpenRouter's stable {@code error.error_type} of the event.
	 * @return the OpenRouter error type, or {@code null}
	 */
	public @Nullable String openRouterErrorType() {
		return this.openRouterErrorType;
	}

	/**
	 * Returns the event's message.
	 * @return the message
	 */
	public String errorMessage() {
		return this.errorMessage;
	}

	/**
	 * Returns the message accumulated from the events before the error.
	 * @return the partial message, or {@code null} if the stream had not started
	 */
	public @Nullable MessageResponse partialMessage() {
		return this.partialMessage;
	}

	/**
	 * Returns whether content reached the caller before the error.
	 * @return {@code true} once any content was delivered
	 */
	public boolean contentDelivered() {
		return this.contentDelivered;
	}

	/**
	 * Returns {@code true} only for transient error types while no content was delivered.
	 */
	@Override
	public boolean isRetryable() {
		return !this.contentDelivered && (RETRYABLE_TYPES.contains(this.errorType)
				|| (this.openRouterErrorType != null && RETRYABLE_TYPES.contains(this.openRouterErrorType)));
	}

}
