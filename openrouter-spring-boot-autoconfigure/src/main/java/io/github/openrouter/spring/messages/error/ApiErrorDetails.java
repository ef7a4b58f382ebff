package io.github.openrouter.spring.messages.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Everything known about a non-2xx answer; the state of an {@link OpenRouterApiException}.
 *
 * @param statusCode the HTTP status code
 * @param errorType Anthropic's {@code error.type}, such as {@code rate_limit_error}, or {@code null}
 * @param openRouterErrorType OpenRouter's stable {@code error.error_type}, such as
 * {@code rate_limit_exceeded}, or {@code null}
 * @param errorMessage the server's message, or a summary of a non-JSON body, with control
 * characters replaced
 * @param requestId the {@code request_id}, or {@code null} (errors raised before routing)
 * @param retryAfter how long the server asks to wait, or {@code null}
 * @param rawBody the body as received (decoded as UTF-8), with key-like strings masked
 * @param headers the response headers (read-only)
 * @param openRouterMetadata the top-level {@code openrouter_metadata}, or {@code null}
 * @param metadata the free {@code metadata} object of the error, or {@code null}
 * @param availability the {@code error.availability} details, or {@code null}
 * @param retryable whether sending the request again may succeed
 * @since 0.1.0
 */
public record ApiErrorDetails(int statusCode, @Nullable String errorType, @Nullable String openRouterErrorType,
		String errorMessage, @Nullable String requestId, @Nullable Duration retryAfter, String rawBody,
		HttpHeaders headers, @Nullable JsonNode openRouterMetadata, @Nullable JsonNode metadata,
		@Nullable ErrorAvailability availability, boolean retryable) {

	/**
	 * Creates details, masking key-like strings in the texts, replacing control characters in
	 * the texts shown in messages (not in the raw body) and copying the headers.
	 */
	public ApiErrorDetails {
		errorType = Redaction.forMessageIfPresent(errorType);
		openRouterErrorType = Redaction.forMessageIfPresent(openRouterErrorType);
		errorMessage = Redaction.forMessage(errorMessage);
		requestId = Redaction.forMessageIfPresent(requestId);
		rawBody = Redaction.redact(rawBody);
		HttpHeaders copy = new HttpHeaders();
		headers.forEach((name, values) -> {
			if (!HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) && !"x-api-key".equalsIgnoreCase(name)) {
				copy.addAll(name, values);
			}
		});
		headers = HttpHeaders.readOnlyHttpHeaders(copy);
	}

	@Override
	public String toString() {
		return "ApiErrorDetails[statusCode=" + this.statusCode + ", errorType=" + this.errorType
				+ ", openRouterErrorType=" + this.openRouterErrorType + ", requestId=" + this.requestId
				+ ", retryAfter=" + this.retryAfter + ", retryable=" + this.retryable + ", errorMessage="
				+ this.errorMessage + "]";
	}

}
