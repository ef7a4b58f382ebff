package io.github.openrouter.spring.messages.client;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The head of a 2xx answer and its body, still to be read (each buffer must be released).
 *
 * @param status the status code
 * @param headers the response headers
 * @param body the response body; cancelling it closes the connection unless it is complete
 */
record ExchangeResponse(int status, HttpHeaders headers, Flux<DataBuffer> body) {

	/**
	 * Reads a body whole into an array, releasing its buffers; a body longer than the bound fails
	 * with a {@link org.springframework.core.io.buffer.DataBufferLimitException} and is cancelled.
	 * @param body the body
	 * @param maxBytes the longest body accepted
	 * @return the bytes, or nothing for an empty body
	 */
	static Mono<byte[]> readAll(Flux<DataBuffer> body, int maxBytes) {
		return DataBufferUtils.join(body, maxBytes).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		});
	}

}
