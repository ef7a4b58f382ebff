package io.github.openrouter.spring.messages.client;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * The head of a 2xx answer and its body, still to be read (each buffer must be released).
 *
 * @param status the status code
 * @param headers the response headers
 * @param body the response body; cancelling it closes the connection unless it is complete
 */
record ExchangeResponse(int status, HttpHeaders headers, Flux<DataBuffer> body) {

}
