package io.github.openrouter.spring.messages.observation;

import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;

/**
 * Maps a failure to a low-cardinality {@code error.type} value: the API's error type
 * ({@code rate_limit_error}, {@code overloaded_error}, ...) or, without one, the HTTP status;
 * {@code timeout} for timeouts; otherwise the exception's simple class name.
 */
final class ErrorTypes {

	static final String TIMEOUT = "timeout";

	private ErrorTypes() {
	}

	static String of(Throwable error) {
		if (error instanceof OpenRouterApiException api) {
			return (api.errorType() != null && !api.errorType().isBlank()) ? api.errorType()
					: String.valueOf(api.statusCode());
		}
		if (error instanceof OpenRouterStreamException stream && !stream.errorType().isBlank()) {
			return stream.errorType();
		}
		if (error instanceof OpenRouterTimeoutException) {
			return TIMEOUT;
		}
		String name = error.getClass().getSimpleName();
		return name.isEmpty() ? error.getClass().getName() : name;
	}

}
