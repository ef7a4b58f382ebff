package io.github.openrouter.spring.sample;

import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.RequestValidationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the client's exceptions into HTTP answers of the chat endpoints.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class ChatExceptionHandler {

	/**
	 * Maps a client exception: bad input to 400, OpenRouter's rate limit to 429, a timeout to
	 * 504, anything else to 502.
	 * @param ex the exception
	 * @return the answer
	 */
	@ExceptionHandler(OpenRouterException.class)
	public ResponseEntity<ErrorReply> handle(OpenRouterException ex) {
		return ResponseEntity.status(status(ex)).body(ErrorReply.from(ex));
	}

	private static HttpStatus status(OpenRouterException ex) {
		if (ex instanceof RequestValidationException) {
			return HttpStatus.BAD_REQUEST;
		}
		if (ex instanceof OpenRouterTimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		if (ex instanceof OpenRouterApiException api && api.statusCode() == 429) {
			return HttpStatus.TOO_MANY_REQUESTS;
		}
		return HttpStatus.BAD_GATEWAY;
	}

}
