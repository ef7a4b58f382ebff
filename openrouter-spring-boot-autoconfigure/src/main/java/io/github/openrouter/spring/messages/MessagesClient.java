package io.github.openrouter.spring.messages;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.structured.JsonOutput;
import io.github.openrouter.spring.messages.structured.StructuredResponse;
import io.github.openrouter.spring.messages.structured.StructuredStream;
import io.github.openrouter.spring.messages.structured.internal.StructuredCalls;

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
	 * Sends a request for an answer of a Java type and waits for it: the type's JSON schema goes
	 * out as {@code output_config.format}, and the answer comes back parsed.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param type the type, such as a record class
	 * @return the answer with the whole message
	 * @see ReactiveMessagesClient#create(MessageRequest, JsonOutput, RequestOptions)
	 */
	default <T> StructuredResponse<T> create(MessageRequest request, Class<T> type) {
		return create(request, JsonOutput.of(type), RequestOptions.none());
	}

	/**
	 * Sends a request for an answer described by a {@link JsonOutput} and waits for it.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param output the type, schema, validation and attempts
	 * @return the answer with the whole message
	 * @see ReactiveMessagesClient#create(MessageRequest, JsonOutput, RequestOptions)
	 */
	default <T> StructuredResponse<T> create(MessageRequest request, JsonOutput<T> output) {
		return create(request, output, RequestOptions.none());
	}

	/**
	 * Sends a request for an answer described by a {@link JsonOutput}, with per-call options,
	 * and waits for it; see {@link ReactiveMessagesClient#create(MessageRequest, JsonOutput, RequestOptions)}.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param output the type, schema, validation and attempts
	 * @param options per-call options, the same for every attempt
	 * @return the answer with the message of every attempt
	 * @throws io.github.openrouter.spring.messages.structured.StructuredOutputException if the
	 * answer gives no value
	 */
	default <T> StructuredResponse<T> create(MessageRequest request, JsonOutput<T> output, RequestOptions options) {
		StructuredResponse<T> response = reactive().create(request, output, options).block();
		if (response == null) {
			throw new IllegalStateException("The reactive client completed without a response");
		}
		return response;
	}

	/**
	 * Starts a streaming request for an answer described by a {@link JsonOutput}: iterate the
	 * events as for {@link #stream(MessageRequest)}, then read the answer from
	 * {@link StructuredStream#finalResponse()}. One attempt: an output with more fails with
	 * {@link IllegalArgumentException}.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param output the type, schema and validation
	 * @return an open stream; close it to cancel the call
	 */
	default <T> StructuredStream<T> stream(MessageRequest request, JsonOutput<T> output) {
		return stream(request, output, RequestOptions.none());
	}

	/**
	 * Starts a streaming request for an answer described by a {@link JsonOutput}, with per-call
	 * options.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param output the type, schema and validation
	 * @param options per-call options
	 * @return an open stream; close it to cancel the call
	 */
	default <T> StructuredStream<T> stream(MessageRequest request, JsonOutput<T> output, RequestOptions options) {
		return StructuredCalls.defaults().stream(this, request, output, options);
	}

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
