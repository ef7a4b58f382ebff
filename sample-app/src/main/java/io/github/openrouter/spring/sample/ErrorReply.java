package io.github.openrouter.spring.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import org.jspecify.annotations.Nullable;

/**
 * Body of a failed chat call: which exception the client raised and what OpenRouter said.
 *
 * @param error the simple name of the exception, e.g. {@code RateLimitException}
 * @param status the HTTP status OpenRouter answered with, if it answered
 * @param message the exception message (never contains the API key)
 * @param retryable whether retrying the same call may succeed
 * @since 0.1.0
 */
public record ErrorReply(@JsonProperty("error") String error, @JsonProperty("status") @Nullable Integer status,
		@JsonProperty("message") @Nullable String message, @JsonProperty("retryable") boolean retryable) {

	static ErrorReply from(OpenRouterException ex) {
		Integer status = (ex instanceof OpenRouterApiException api) ? api.statusCode() : null;
		return new ErrorReply(ex.getClass().getSimpleName(), status, ex.getMessage(), ex.isRetryable());
	}

}
