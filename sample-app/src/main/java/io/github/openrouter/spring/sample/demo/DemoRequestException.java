package io.github.openrouter.spring.sample.demo;

/**
 * Thrown by {@link DemoReplies} for a request the stub rejects with HTTP 400.
 *
 * @since 0.1.0
 */
public class DemoRequestException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message what is wrong with the request, as the stub reports it
	 */
	public DemoRequestException(String message) {
		super(message);
	}

}
