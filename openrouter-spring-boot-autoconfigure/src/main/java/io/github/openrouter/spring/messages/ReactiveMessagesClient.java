package io.github.openrouter.spring.messages;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive client for OpenRouter's {@code POST /api/v1/messages}; the one real HTTP code path.
 *
 * <p>
 * Nothing happens until subscription. Cancelling a subscription closes the HTTP connection,
 * which stops generation (and billing) on providers that support it. Errors are signalled as
 * unchecked {@link io.github.openrouter.spring.messages.error.OpenRouterException}s.
 *
 * @since 0.1.0
 */
public interface ReactiveMessagesClient {

	/**
	 * Sends a non-streaming request.
	 * @param request the request; fields it omits take the client's defaults
	 * @return the assistant message
	 */
	default Mono<MessageResponse> create(MessageRequest request) {
		return create(request, RequestOptions.none());
	}

	/**
	 * Sends a non-streaming request with per-call options.
	 * @param request the request
	 * @param options per-call headers, timeout and routing-metadata opt-in
	 * @return the assistant message
	 */
	Mono<MessageResponse> create(MessageRequest request, RequestOptions options);

	/**
	 * Streams a request as server-sent events; the client sets {@code "stream": true} itself.
	 * Keep-alive comments, {@code ping} events and the trailing {@code [DONE]} are not emitted.
	 * @param request the request
	 * @return the events in arrival order
	 */
	default Flux<StreamEvent> stream(MessageRequest request) {
		return stream(request, RequestOptions.none());
	}

	/**
	 * Streams a request with per-call options.
	 * @param request the request
	 * @param options per-call headers, timeout and routing-metadata opt-in
	 * @return the events in arrival order
	 */
	Flux<StreamEvent> stream(MessageRequest request, RequestOptions options);

	/**
	 * Streams only the text of the answer.
	 * @param request the request
	 * @return the text deltas in arrival order
	 */
	default Flux<String> streamText(MessageRequest request) {
		return stream(request).ofType(ContentBlockDeltaEvent.class)
			.map(ContentBlockDeltaEvent::delta)
			.ofType(TextDelta.class)
			.map(TextDelta::text);
	}

}
