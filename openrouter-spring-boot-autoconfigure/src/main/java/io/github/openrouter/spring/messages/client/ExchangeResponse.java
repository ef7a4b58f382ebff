package io.github.openrouter.spring.messages.client;

import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * The head of a 2xx answer and its body, still to be read (each buffer must be released).
 *
 * @param status the status code
 * @param headers the response headers
 * @param body the response body; cancelling it closes the connection unless it is complete
 */
record ExchangeResponse(int status, HttpHeaders headers, Flux<DataBuffer> body) {

	/**
	 * Discards an answer nobody will read (it lost a race with a time limit or a cancellation):
	 * subscribes to its body and cancels at once, which closes the connection.
	 */
	void discard() {
		this.body.subscribe(new BaseSubscriber<DataBuffer>() {

			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				subscription.cancel();
			}

			@Override
			protected void hookOnNext(DataBuffer buffer) {
				DataBufferUtils.release(buffer);
			}

			@Override
			protected void hookOnError(Throwable failure) {
				// nobody reads this answer: a body already released with its connection has nothing to say
			}

		});
	}

}
