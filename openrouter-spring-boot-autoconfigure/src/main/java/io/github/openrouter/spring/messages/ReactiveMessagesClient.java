package io.github.openrouter.spring.messages;

import java.util.function.Consumer;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.structured.JsonOutput;
import io.github.openrouter.spring.messages.structured.StructuredResponse;
import io.github.openrouter.spring.messages.structured.internal.StructuredCalls;
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

	/**
	 * Sends a request for an answer of a Java type: the type's JSON schema goes out as
	 * {@code output_config.format}, and the answer comes back parsed.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param type the type, such as a record class
	 * @return the answer with the whole message
	 * @see #create(MessageRequest, JsonOutput, RequestOptions)
	 */
	default <T> Mono<StructuredResponse<T>> create(MessageRequest request, Class<T> type) {
		return create(request, JsonOutput.of(type), RequestOptions.none());
	}

	/**
	 * Sends a request for an answer described by a {@link JsonOutput}.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param output the type, schema, validation and attempts
	 * @return the answer with the whole message
	 * @see #create(MessageRequest, JsonOutput, RequestOptions)
	 */
	default <T> Mono<StructuredResponse<T>> create(MessageRequest request, JsonOutput<T> output) {
		return create(request, output, RequestOptions.none());
	}

	/**
	 * Sends a request for an answer described by a {@link JsonOutput}, with per-call options.
	 *
	 * <p>
	 * The schema is the output's own, or the one generated from its type in the subset
	 * Anthropic's structured outputs accept (see {@link JsonOutput}); a type without one fails
	 * with
	 * {@link io.github.openrouter.spring.messages.structured.UnsupportedSchemaTypeException}
	 * before any call. The request's effort and task budget are kept. Each attempt is an
	 * ordinary call, observed as such. An answer that gives no value fails with a
	 * {@link io.github.openrouter.spring.messages.structured.StructuredOutputException}:
	 * {@code OutputRefusedException}, {@code OutputTruncatedException},
	 * {@code OutputParseException} or {@code OutputValidationException}.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param output the type, schema, validation and attempts
	 * @param options per-call options, the same for every attempt
	 * @return the answer with the message of every attempt
	 */
	default <T> Mono<StructuredResponse<T>> create(MessageRequest request, JsonOutput<T> output,
			RequestOptions options) {
		return StructuredCalls.defaults().create(this, request, output, options);
	}

	/**
	 * Streams a request for an answer described by a {@link JsonOutput}: every event goes to
	 * {@code onEvent} as it arrives (to show the text as it grows), and the answer is parsed from
	 * the final message. One attempt: an output with more fails with
	 * {@link IllegalArgumentException}.
	 * @param <T> the type of the answer
	 * @param request the request
	 * @param output the type, schema and validation
	 * @param options per-call options
	 * @param onEvent receives the events in arrival order, on the thread that delivers them
	 * @return the answer with the final message
	 */
	default <T> Mono<StructuredResponse<T>> stream(MessageRequest request, JsonOutput<T> output,
			RequestOptions options, Consumer<? super StreamEvent> onEvent) {
		return StructuredCalls.defaults().stream(this, request, output, options, onEvent);
	}

}
