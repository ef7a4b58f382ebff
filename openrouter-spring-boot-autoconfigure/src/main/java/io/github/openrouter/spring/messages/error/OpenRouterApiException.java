package io.github.openrouter.spring.messages.error;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The server answered with a non-2xx status; subclasses name the common statuses.
 *
 * <p>
 * Program against {@link #openRouterErrorType()} (stable) rather than {@link #errorType()}
 * (Anthropic's coarser, lossy categories). The client maps every non-2xx answer to one, by status.
 *
 * @since 0.1.0
 */
public class OpenRouterApiException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	private final transient ApiErrorDetails details;

	/**
	 * Creates an exception from the details of an error answer.
	 * @param details the details
	 */
	public OpenRouterApiException(ApiErrorDetails details) {
		super(describe(details));
		this.details = details;
	}

	private static String describe(ApiErrorDetails details) {
		StringBuilder message = new StringBuilder("HTTP ").append(details.statusCode()).append(": ");
		if (details.errorType() != null) {
			message.append(details.errorType());
			if (details.openRouterErrorType() != null) {
				message.append(" (").append(details.openRouterErrorType()).append(')');
			}
			message.append(": ");
		}
		else if (details.openRouterErrorType() != null) {
			message.append(details.openRouterErrorType()).append(": ");
		}
		message.append(details.errorMessage());
		if (details.requestId() != null) {
			message.append(" [request_id=").append(details.requestId()).append(']');
		}
		if (details.retryAfter() != null) {
			message.append(" [retry after ").append(details.retryAfter().toMillis()).append(" ms]");
		}
		return message.toString();
	}

	/**
	 * Returns all details of the answer.
	 * @return the details
	 */
	public ApiErrorDetails details() {
		return this.details;
	}

	/**
	 * Returns the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.details.statusCode();
	}

	/**
	 * Returns Anthropic's {@code error.type}, such as {@code overloaded_error}.
	 * @return the error type, or {@code null} when the body did not carry one
	 */
	public @Nullable String errorType() {
		return this.details.errorType();
	}

	/**
	 * Returns OpenRouter's stable {@code error.error_type}, such as {@code provider_overloaded}.
	 * @return the OpenRouter error type, or {@code null} when the body did not carry one
	 */
	public @Nullable String openRouterErrorType() {
		return this.details.openRouterErrorType();
	}

	/**
	 * Returns the server's message, or a short summary of a non-JSON body, with control
	 * characters replaced (see {@link #rawBody()} for the text as received).
	 * @return the message
	 */
	public String errorMessage() {
		return this.details.errorMessage();
	}

	/**
	 * Returns the {@code request_id}; {@code null} for errors raised before routing.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.details.requestId();
	}

	/**
	 * Returns how long the server asks to wait before retrying ({@code Retry-After} header, or
	 * {@code error.availability.retry_after}).
	 * @return the delay, if the server gave one
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.details.retryAfter());
	}

	/**
	 * Returns the response body as received, decoded as UTF-8, with key-like strings masked.
	 * @return the body; empty if there was none
	 */
	public String rawBody() {
		return this.details.rawBody();
	}

	/**
	 * Returns the response headers.
	 * @return read-only headers
	 */
	public HttpHeaders headers() {
		return this.details.headers();
	}

	/**
	 * Returns the top-level {@code openrouter_metadata} (only when routing metadata was enabled).
	 * @return the metadata tree, or {@code null}
	 */
	public @Nullable JsonNode openRouterMetadata() {
		return this.details.openRouterMetadata();
	}

	/**
	 * Returns the free-form {@code metadata} object of the error.
	 * @return the metadata tree, or {@code null}
	 */
	public @Nullable JsonNode metadata() {
		return this.details.metadata();
	}

	/**
	 * Returns the model-availability details of the error.
	 * @return the availability, or {@code null}
	 */
	public @Nullable ErrorAvailability availability() {
		return this.details.availability();
	}

	@Override
	public boolean isRetryable() {
		return this.details.retryable();
	}

}
