package io.github.openrouter.spring.messages.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import org.springframework.core.io.buffer.DataBufferLimitException;

/**
 * Translates failures below HTTP (connector, codec) into the client's exception types.
 */
final class TransportErrors {

	private TransportErrors() {
	}

	/**
	 * Returns the client exception for a failure; client exceptions pass through unchanged.
	 * @param failure the failure
	 * @param timeouts the configured timeouts, quoted in timeout messages
	 * @return the translated exception
	 */
	static Throwable translate(Throwable failure, ClientTimeouts timeouts) {
		if (failure instanceof OpenRouterException) {
			return failure;
		}
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < 10; depth++) {
			if (cause instanceof OpenRouterException) {
				return cause;
			}
			String name = cause.getClass().getSimpleName();
			if (name.equals("ConnectTimeoutException")) {
				return new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.CONNECT, timeouts.connect(),
						failure);
			}
			if (name.equals("ReadTimeoutException") || name.equals("ResponseTimeoutException")) {
				return new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.FIRST_BYTE, timeouts.firstByte(),
						failure);
			}
			if (name.equals("PoolAcquireTimeoutException")) {
				return new OpenRouterTransportException("No free connection in the connection pool within its "
						+ "pending-acquire timeout (for the client's own pool: openrouter.http.pending-acquire-timeout "
						+ "and openrouter.http.max-connections, or ConnectionPoolSettings): " + describe(cause), failure,
						false);
			}
			if (cause instanceof DataBufferLimitException) {
				return new OpenRouterDecodingException("Response body too large: " + cause.getMessage(), failure);
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
				return new OpenRouterTransportException("Could not connect: " + describe(cause), failure, true);
			}
			if (name.equals("PrematureCloseException")) {
				return new OpenRouterTransportException("Connection closed before the response was complete: "
						+ describe(cause), failure, true);
			}
			if (cause instanceof IOException) {
				return new OpenRouterTransportException("I/O failure: " + describe(cause), failure, true);
			}
			cause = cause.getCause();
		}
		return new OpenRouterTransportException("Request failed: " + describe(failure), failure, false);
	}

	/**
	 * Returns the client exception for a failure while reading the body of a 2xx answer: never
	 * retryable, because the server already produced (and billed) the answer.
	 * @param failure the failure
	 * @param timeouts the configured timeouts, quoted in timeout messages
	 * @return the translated exception
	 */
	static Throwable translateInBody(Throwable failure, ClientTimeouts timeouts) {
		Throwable translated = translate(failure, timeouts);
		boolean retryableTransport = translated instanceof OpenRouterTransportException
				&& !(translated instanceof OpenRouterTimeoutException) && ((OpenRouterTransportException) translated).isRetryable();
		if (retryableTransport) {
			return new OpenRouterTransportException("Connection failed while reading the response body; not retried "
					+ "because the answer was already produced: " + translated.getMessage(), failure, false);
		}
		return translated;
	}

	/**
	 * Returns a timeout exception of the given kind.
	 * @param kind the kind
	 * @param limit the limit that was exceeded
	 * @return the exception
	 */
	static OpenRouterTimeoutException timeout(OpenRouterTimeoutException.Kind kind, Duration limit) {
		return new OpenRouterTimeoutException(kind, limit, null);
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
