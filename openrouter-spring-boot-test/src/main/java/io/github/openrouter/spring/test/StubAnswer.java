package io.github.openrouter.spring.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.StreamError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the {@link OpenRouterStub} answers to one request, built from the model types.
 *
 * <p>
 * A message answer ({@link #text}, {@link #toolUse}, {@link #thinking}, {@link #message}) is
 * written as a JSON body, or as a server-sent event stream when the request asks for one
 * ({@code "stream": true}); what the message leaves out (id, model, provider, stop reason, usage
 * estimated at one token per four characters) the stub fills in, and its
 * {@code openrouter_metadata} is sent only when the request opts in
 * with {@code X-OpenRouter-Metadata: enabled}, as OpenRouter does. {@link #error} answers with
 * OpenRouter's error envelope ({@link #genericError} with the one of its edge), {@link #stream(StubStream)} with exactly the frames given,
 * {@link #stall()} with nothing at all.
 *
 * <p>
 * Answers are immutable; the methods that adjust one ({@link #delay}, {@link #deltaDelay},
 * {@link #cutAfter} ...) return a new answer:
 * <pre class="code">
 * stub.enqueue(StubAnswer.text("Hello").deltaDelay(Duration.ofMillis(20)).cutAfter(4));
 * stub.enqueue(StubAnswer.error(429, "Slow down").header("Retry-After", "1"));
 * </pre>
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public final class StubAnswer {

	private static final AtomicLong TOOL_USE_IDS = new AtomicLong();

	private final Kind kind;

	private final @Nullable Function<MessageRequest, ?> content;

	private final @Nullable StubStream stream;

	private final int status;

	private final Duration delay;

	private final @Nullable Duration deltaDelay;

	private final Map<String, String> headers;

	private final @Nullable Integer keepAlive;

	private final @Nullable StreamEnd end;

	private StubAnswer(Kind kind, @Nullable Function<MessageRequest, ?> content, @Nullable StubStream stream,
			int status, Duration delay, @Nullable Duration deltaDelay, Map<String, String> headers,
			@Nullable Integer keepAlive, @Nullable StreamEnd end) {
		this.kind = kind;
		this.content = content;
		this.stream = stream;
		this.status = status;
		this.delay = delay;
		this.deltaDelay = deltaDelay;
		this.headers = Map.copyOf(headers);
		this.keepAlive = keepAlive;
		this.end = end;
	}

	private static StubAnswer of(Kind kind, @Nullable Function<MessageRequest, ?> content,
			@Nullable StubStream stream, int status) {
		return new StubAnswer(kind, content, stream, status, Duration.ZERO, null, Map.of(), null, null);
	}

	/**
	 * Answers with a message of one text block.
	 * @param text the text
	 * @return the answer
	 */
	public static StubAnswer text(String text) {
		Objects.requireNonNull(text, "text");
		return message(MessageResponse.builder().content(List.of(TextBlock.of(text))).build());
	}

	/**
	 * Answers with a call of a tool ({@code stop_reason} {@code tool_use}); the tool use id is
	 * {@code toolu_stub_…}, unique in the JVM.
	 * @param name the tool's name
	 * @param input the tool's input
	 * @return the answer
	 */
	public static StubAnswer toolUse(String name, JsonNode input) {
		String id = String.format(Locale.ROOT, "toolu_stub_%06d", TOOL_USE_IDS.incrementAndGet());
		return message(MessageResponse.builder().content(List.of(ToolUseBlock.of(id, name, input))).build());
	}

	/**
	 * Answers with a call of a tool whose input is a map, written as a JSON object.
	 * @param name the tool's name
	 * @param input the tool's input
	 * @return the answer
	 * @see #toolUse(String, JsonNode)
	 */
	public static StubAnswer toolUse(String name, Map<String, ?> input) {
		return toolUse(name, StubWireFormat.tree(input));
	}

	/**
	 * Answers with a thinking block (signed {@code stub-signature}) followed by a text block.
	 * @param thinking the model's reasoning
	 * @param text the answer text
	 * @return the answer
	 */
	public static StubAnswer thinking(String thinking, String text) {
		List<ContentBlock> content = List.of(new ThinkingBlock(ThinkingBlock.TYPE, thinking, "stub-signature"),
				TextBlock.of(text));
		return message(MessageResponse.builder().content(content).build());
	}

	/**
	 * Answers with a message.
	 * @param message the message; what it leaves out the stub fills in
	 * @return the answer
	 */
	public static StubAnswer message(MessageResponse message) {
		Objects.requireNonNull(message, "message");
		return message((request) -> message);
	}

	/**
	 * Answers with a message computed from the request.
	 * @param message computes the message; what it leaves out the stub fills in
	 * @return the answer
	 */
	public static StubAnswer message(Function<? super MessageRequest, MessageResponse> message) {
		Objects.requireNonNull(message, "message");
		return of(Kind.MESSAGE, message::apply, null, 200);
	}

	/**
	 * Answers with whatever a function chooses for the request: a message, an error... The
	 * adjustments of this answer ({@link #delay}, {@link #deltaDelay}, ...) apply on top of the
	 * chosen one.
	 * @param answer chooses the answer
	 * @return the answer
	 */
	public static StubAnswer from(Function<? super MessageRequest, StubAnswer> answer) {
		Objects.requireNonNull(answer, "answer");
		return of(Kind.DYNAMIC, answer::apply, null, 200);
	}

	/**
	 * Answers with exactly the frames of a stream, whether or not the request asked for one.
	 * @param stream the stream
	 * @return the answer
	 */
	public static StubAnswer stream(StubStream stream) {
		return of(Kind.STREAM, null, Objects.requireNonNull(stream, "stream"), 200);
	}

	/**
	 * Answers with an error status and OpenRouter's {@code /messages} envelope, its
	 * {@code error.type} and {@code error.error_type} chosen after the status as OpenRouter does
	 * (429: {@code rate_limit_error} / {@code rate_limit_exceeded}, 503: {@code overloaded_error}
	 * / {@code provider_overloaded}, ...).
	 * @param status the HTTP status, 400 to 599
	 * @param message the error message
	 * @return the answer
	 */
	public static StubAnswer error(int status, String message) {
		return error(status, StubWireFormat.error(status, message));
	}

	/**
	 * Answers with an error status and OpenRouter's {@code /messages} envelope around an error.
	 * @param status the HTTP status, 400 to 599
	 * @param error the error: Anthropic's {@code type}, the message and OpenRouter's
	 * {@code error_type}
	 * @return the answer
	 */
	public static StubAnswer error(int status, StreamError error) {
		requireErrorStatus(status);
		Objects.requireNonNull(error, "error");
		return of(Kind.ERROR, (request) -> new StubWireFormat.ErrorEnvelope(error, null), null, status);
	}

	/**
	 * Answers with an error status and OpenRouter's generic envelope,
	 * {@code {"error":{"code":…,"message":…}}}, which errors raised at its edge use instead of the
	 * {@code /messages} one.
	 * @param status the HTTP status, 400 to 599
	 * @param message the error message
	 * @return the answer
	 */
	public static StubAnswer genericError(int status, String message) {
		requireErrorStatus(status);
		Objects.requireNonNull(message, "message");
		return of(Kind.ERROR, (request) -> new StubWireFormat.GenericErrorEnvelope(status, message), null, status);
	}

	private static void requireErrorStatus(int status) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("An error status is 400 to 599 but was " + status);
		}
	}

	/**
	 * Answers with a body that is not OpenRouter's JSON, such as a gateway's HTML page.
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type}
	 * @param body the body
	 * @return the answer
	 */
	public static StubAnswer raw(int status, String contentType, String body) {
		Objects.requireNonNull(body, "body");
		return of(Kind.RAW, (request) -> body, null, status).header("Content-Type", contentType);
	}

	/**
	 * Never answers: the stub reads the request and then sends nothing, not even the status
	 * line, until the client closes the connection.
	 * @return the answer
	 */
	public static StubAnswer stall() {
		return of(Kind.STALL, null, null, 200);
	}

	/**
	 * Returns this answer sent only after a delay. The server waits on a Reactor scheduler.
	 * @param delay how long to wait before the status line
	 * @return the new answer
	 */
	public StubAnswer delay(Duration delay) {
		return new StubAnswer(this.kind, this.content, this.stream, this.status, requireNotNegative(delay, "delay"),
				this.deltaDelay, this.headers, this.keepAlive, this.end);
	}

	/**
	 * Returns this answer with a pause before every frame when it is streamed, so that a human,
	 * or a test, sees the answer arrive piece by piece.
	 * @param deltaDelay the pause; zero for none
	 * @return the new answer
	 */
	public StubAnswer deltaDelay(Duration deltaDelay) {
		return new StubAnswer(this.kind, this.content, this.stream, this.status, this.delay,
				requireNotNegative(deltaDelay, "deltaDelay"), this.headers, this.keepAlive, this.end);
	}

	/**
	 * Returns this answer with one more response header.
	 * @param name the header name, for example {@code Retry-After}
	 * @param value the value
	 * @return the new answer
	 */
	public StubAnswer header(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
		return new StubAnswer(this.kind, this.content, this.stream, this.status, this.delay, this.deltaDelay, headers,
				this.keepAlive, this.end);
	}

	/**
	 * Returns this answer with a number of keep-alive comments ({@code : OPENROUTER PROCESSING})
	 * before the first event when it is streamed; one unless set.
	 * @param comments how many comments, zero for none
	 * @return the new answer
	 */
	public StubAnswer keepAlive(int comments) {
		if (comments < 0) {
			throw new IllegalArgumentException("comments must not be negative but was " + comments);
		}
		return new StubAnswer(this.kind, this.content, this.stream, this.status, this.delay, this.deltaDelay,
				this.headers, comments, this.end);
	}

	/**
	 * Returns this answer, when streamed, cut after a number of events: the stub closes the
	 * connection without ending the response, as a broken upstream would.
	 * @param events how many events to send first (keep-alive comments do not count)
	 * @return the new answer
	 */
	public StubAnswer cutAfter(int events) {
		return end(new StreamEnd(events, StubStream.Ending.CUT, null));
	}

	/**
	 * Returns this answer, when streamed, ended after a number of events by an {@code error}
	 * event, as OpenRouter reports a failure after the status line was sent.
	 * @param events how many events to send before the error
	 * @param error the error of the {@code error} event
	 * @return the new answer
	 */
	public StubAnswer failAfter(int events, StreamError error) {
		return end(new StreamEnd(events, StubStream.Ending.COMPLETE, Objects.requireNonNull(error, "error")));
	}

	/**
	 * Returns this answer, when streamed, stalled after a number of events: the stub sends
	 * nothing more and keeps the connection open until the client closes it.
	 * @param events how many events to send first
	 * @return the new answer
	 */
	public StubAnswer stallAfter(int events) {
		return end(new StreamEnd(events, StubStream.Ending.STALL, null));
	}

	private StubAnswer end(StreamEnd end) {
		if (end.events() < 0) {
			throw new IllegalArgumentException("events must not be negative but was " + end.events());
		}
		return new StubAnswer(this.kind, this.content, this.stream, this.status, this.delay, this.deltaDelay,
				this.headers, this.keepAlive, end);
	}

	/**
	 * Resolves a dynamic answer for a request, the adjustments of this one on top.
	 */
	StubAnswer resolve(MessageRequest request) {
		if (this.kind != Kind.DYNAMIC) {
			return this;
		}
		StubAnswer chosen = Objects.requireNonNull((StubAnswer) content().apply(request),
				"The answer function returned null").resolve(request);
		Map<String, String> headers = new LinkedHashMap<>(chosen.headers);
		headers.putAll(this.headers);
		return new StubAnswer(chosen.kind, chosen.content, chosen.stream, chosen.status, this.delay.plus(chosen.delay),
				(this.deltaDelay != null) ? this.deltaDelay : chosen.deltaDelay, headers,
				(this.keepAlive != null) ? this.keepAlive : chosen.keepAlive,
				(this.end != null) ? this.end : chosen.end);
	}

	Kind kind() {
		return this.kind;
	}

	Function<MessageRequest, ?> content() {
		return Objects.requireNonNull(this.content);
	}

	StubStream stream() {
		return Objects.requireNonNull(this.stream);
	}

	int status() {
		return this.status;
	}

	Duration delay() {
		return this.delay;
	}

	Duration deltaDelay() {
		return (this.deltaDelay != null) ? this.deltaDelay : Duration.ZERO;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	int keepAliveComments() {
		return (this.keepAlive != null) ? this.keepAlive : 1;
	}

	@Nullable StreamEnd end() {
		return this.end;
	}

	static Duration requireNotNegative(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative but was " + duration);
		}
		return duration;
	}

	@Override
	public String toString() {
		return "StubAnswer[" + this.kind.name().toLowerCase(Locale.ROOT) + ", status=" + this.status + "]";
	}

	/**
	 * The kinds of answer.
	 */
	enum Kind {

		MESSAGE, DYNAMIC, STREAM, ERROR, RAW, STALL

	}

	/**
	 * How a streamed message ends early.
	 */
	record StreamEnd(int events, StubStream.Ending ending, @Nullable StreamError error) {

	}

}
