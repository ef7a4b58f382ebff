package io.github.openrouter.spring.messages.reliability;

import java.util.function.Consumer;

import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import reactor.core.publisher.Mono;

/**
 * Makes one call with a planned fault and reduces it to the text it delivered.
 */
final class FaultCalls {

	private FaultCalls() {
	}

	/**
	 * The two kinds of call.
	 */
	enum Kind {

		CREATE, STREAM

	}

	static MessageRequest request() {
		return MessageRequest.builder().model(Replies.MODEL).maxTokens(64).addUserMessage("Hello").build();
	}

	static RequestOptions options(String callId, Fault fault, int times) {
		return RequestOptions.builder()
			.header(FaultServer.CALL_HEADER, callId)
			.header(FaultServer.FAULT_HEADER, fault.name())
			.header(FaultServer.TIMES_HEADER, String.valueOf(times))
			.build();
	}

	/**
	 * Calls the client and returns the answer's text: the response's text for create, the
	 * concatenated text deltas of a stream that reached {@code message_stop} for stream.
	 * @param client the client
	 * @param kind the kind of call
	 * @param options the options naming the call and its fault
	 * @param onEvent sees every stream event
	 * @return the text
	 */
	static Mono<String> call(ReactiveMessagesClient client, Kind kind, RequestOptions options,
			Consumer<StreamEvent> onEvent) {
		if (kind == Kind.CREATE) {
			return client.create(request(), options).map((response) -> response.text());
		}
		return client.stream(request(), options).doOnNext(onEvent).collectList().map((events) -> {
			StringBuilder text = new StringBuilder();
			for (StreamEvent event : events) {
				if (event instanceof ContentBlockDeltaEvent delta && delta.delta() instanceof TextDelta textDelta) {
					text.append(textDelta.text());
				}
			}
			if (events.isEmpty() || !(events.get(events.size() - 1) instanceof MessageStopEvent)) {
				// a client bug, deliberately not an OpenRouterException
				throw new IllegalStateException("The stream completed without message_stop");
			}
			return text.toString();
		});
	}

}
