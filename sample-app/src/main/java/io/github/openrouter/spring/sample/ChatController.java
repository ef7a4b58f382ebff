package io.github.openrouter.spring.sample;

import java.util.Map;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Chat endpoints: {@code POST /chat} answers with JSON, {@code GET /chat/stream} with
 * server-sent events ({@code delta} events with text, then one {@code done} event with usage).
 *
 * <p>
 * The request names no model: {@code openrouter.default-model}, the fallback models, provider
 * preferences and the routing-metadata opt-in all come from {@code application.yml}.
 *
 * @since 0.1.0
 */
@RestController
public class ChatController {

	/** System prompt of every chat request. */
	public static final String SYSTEM_PROMPT = "You are a concise assistant in a Spring Boot sample app.";

	/** Longest message the endpoints accept, in characters. */
	public static final int MAX_MESSAGE_LENGTH = 10_000;

	/** Largest answer the endpoints ask for, in tokens. */
	public static final int MAX_TOKENS = 1024;

	private final MessagesClient client;

	/**
	 * Creates the controller.
	 * @param client the auto-configured client
	 */
	public ChatController(MessagesClient client) {
		this.client = client;
	}

	/**
	 * Answers a message. The blocking client runs on the bounded-elastic scheduler, never on the
	 * event loop.
	 * @param body the message
	 * @return the answer with model, provider, usage and cost
	 */
	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	public Mono<ChatReply> chat(@RequestBody ChatRequest body) {
		MessageRequest request = request(body.message());
		return Mono.fromCallable(() -> this.client.create(request))
			.subscribeOn(Schedulers.boundedElastic())
			.map(ChatReply::from);
	}

	/**
	 * Streams the answer to a message through the reactive client.
	 * @param message the message
	 * @return {@code delta} events carrying text, then a {@code done} event carrying a
	 * {@link ChatReply}, or an {@code error} event
	 */
	@GetMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<Object>> stream(@RequestParam(required = false) @Nullable String message) {
		MessageRequest request = request(message);
		return Flux.defer(() -> {
			MessageAccumulator accumulator = new MessageAccumulator();
			Flux<ServerSentEvent<Object>> deltas = this.client.reactive()
				.stream(request)
				.doOnNext(accumulator::accept)
				.ofType(ContentBlockDeltaEvent.class)
				.map(ContentBlockDeltaEvent::delta)
				.ofType(TextDelta.class)
				.map((delta) -> event("delta", Map.of("text", delta.text())));
			Mono<ServerSentEvent<Object>> done = Mono
				.fromSupplier(() -> event("done", ChatReply.from(accumulator.snapshot())));
			return deltas.concatWith(done)
				.onErrorResume(OpenRouterException.class,
						(ex) -> Mono.just(event("error", ErrorReply.from(ex))));
		});
	}

	private static MessageRequest request(@Nullable String message) {
		if (message == null || message.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "message must not be blank");
		}
		if (message.length() > MAX_MESSAGE_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "message must be at most " + MAX_MESSAGE_LENGTH
					+ " characters but was " + message.length());
		}
		return MessageRequest.builder().maxTokens(MAX_TOKENS).system(SYSTEM_PROMPT).addUserMessage(message).build();
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

}
