package io.github.openrouter.spring.messages;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;

/**
 * Blocking client for OpenRouter's {@code POST /api/v1/messages}; the bean applications inject.
 *
 * <p>
 * Every method blocks the calling thread, so never call them from a Reactor event-loop thread;
 * use {@link #reactive()} there. Every call ends with a response or an unchecked
 * {@link io.github.openrouter.spring.messages.error.OpenRouterException}.
 *
 * @since 0.1.0
 */
public interface MessagesClient {

	/**
	 * Sends a non-streaming request and waits for the whole message.
	 * @param request the request; fields it omits take the client's defaults
	 * @return the assistant message
	 */
	default MessageResponse create(MessageRequest request) {
		return create(request, RequestOptions.none());
	}

	/**
	 * Sends a non-streaming request with per-call options.
	 * @param request the request
	 * @param options per-call headers, timeout and routing-metadata opt-in
	 * @return the assistant message
	 */
	MessageResponse create(MessageRequest request, RequestOptions options);

	/**
	 * Starts a streaming request; the client sets {@code "stream": true} itself.
	 * @param request the request
	 * @return an open stream of events; close it to cancel the call
	 */
	default MessageStream stream(MessageRequest request) {
		return stream(request, RequestOptions.none());
	}

	/**
	 * Starts a streaming request with per-call options.
	 * @param request the request
	 * @param options per-call headers, timeout and routing-metadata opt-in
	 * @return an open stream of events; close it to cancel the call
	 */
	MessageStream stream(MessageRequest request, RequestOptions options);

	/**
	 * Returns the reactive client that this client delegates to.
	 * @return the reactive client sharing this client's connection pool and settings
	 */
	ReactiveMessagesClient reactive();

	/**
	 * Returns a builder for a client outside of Spring Boot's auto-configuration.
	 * @return a new builder
	 */
	static MessagesClientBuilder builder() {
		return new MessagesClientBuilder();
	}

}
