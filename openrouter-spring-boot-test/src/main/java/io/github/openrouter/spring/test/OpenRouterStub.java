package io.github.openrouter.spring.test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.openrouter.spring.account.KeyInfo;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.ErrorEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;

/**
 * An in-process OpenRouter stub on loopback: it answers {@code POST /api/v1/messages} with
 * scripted {@link StubAnswer answers} built from the model types and records every request. It
 * also answers {@code GET /api/v1/key} (see {@link #keyInfo(Function)}) and
 * {@code GET /api/v1/generation?id=} for the messages it answered.
 *
 * <p>
 * Each stub binds {@code 127.0.0.1} on a free port and accepts only its own random key as the
 * bearer token (any other gets OpenRouter's 401). Point a client at {@link #baseUrl()} with
 * {@link #apiKey()}; in a {@code @SpringBootTest},
 * {@link io.github.openrouter.spring.test.autoconfigure.AutoConfigureOpenRouterStub} does that, and
 * in a plain JUnit test {@link OpenRouterStubExtension}:
 * <pre class="code">
 * try (OpenRouterStub stub = OpenRouterStub.start()) {
 * 	stub.enqueue(StubAnswer.text("Paris"));
 * 	MessagesClient client = MessagesClient.builder().baseUrl(stub.baseUrl()).apiKey(stub.apiKey()).build();
 * 	// ... exercise the code under test ...
 * 	assertThat(stub.lastRequest().request().model()).isEqualTo("openai/gpt-4.1-mini");
 * }
 * </pre>
 *
 * <p>
 * A request gets the first answer that applies: a {@link #answerWhen rule} whose predicate
 * matches (in the order they were added), else the next {@link #enqueue queued} answer, else the
 * {@link #defaultAnswer default answer} (unless {@link #start(StubAnswer) started} or set
 * otherwise, the text {@value #DEFAULT_TEXT}).
 * Delays, pauses and stalls wait on Reactor's schedulers; the stub never blocks a thread.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public final class OpenRouterStub implements AutoCloseable {

	/** Path of the Messages endpoint, relative to the host. */
	public static final String MESSAGES_PATH = "/api/v1/messages";

	/** Path of the key's info, relative to the host. */
	public static final String KEY_PATH = "/api/v1/key";

	/** Path of a generation's record, relative to the host. */
	public static final String GENERATION_PATH = "/api/v1/generation";

	private static final Function<BigDecimal, KeyInfo> DEFAULT_KEY = (usage) -> key("stub", null, usage, null);

	/** Text of the answer when nothing else is scripted. */
	public static final String DEFAULT_TEXT = "Hello from the OpenRouter stub.";

	/** Provider the stub reports when an answer names none. */
	public static final String DEFAULT_PROVIDER = "Stub";

	/** Model the stub reports when neither the answer nor the request names one. */
	public static final String DEFAULT_MODEL = "openrouter/stub";

	/** How many requests the stub keeps; older ones are forgotten, so a long-running stub stays small. */
	public static final int MAX_RECORDED_REQUESTS = 1000;

	private static final StubAnswer DEFAULT_ANSWER = StubAnswer.text(DEFAULT_TEXT);

	private final Queue<StubAnswer> queue = new ConcurrentLinkedQueue<>();

	private final List<Rule> rules = new CopyOnWriteArrayList<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong sequence = new AtomicLong();

	private final String apiKey;

	private final StubAnswer startingDefault;

	private volatile StubAnswer defaultAnswer;

	private volatile Function<BigDecimal, KeyInfo> keyInfo = DEFAULT_KEY;

	private final DisposableServer server;

	private OpenRouterStub(StubAnswer defaultAnswer) {
		this.startingDefault = Objects.requireNonNull(defaultAnswer, "defaultAnswer");
		this.defaultAnswer = defaultAnswer;
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		this.apiKey = "sk-or-stub-" + HexFormat.of().formatHex(random);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route(this::routes)
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Starts a stub on a free loopback port whose default answer is the text
	 * {@value #DEFAULT_TEXT}.
	 * @return the running stub; close it to free the port
	 */
	public static OpenRouterStub start() {
		return start(DEFAULT_ANSWER);
	}

	/**
	 * Starts a stub on a free loopback port with a default answer of its own, which
	 * {@link #reset()} restores; for a stub that stands in for OpenRouter beyond one test, such
	 * as a demo mode.
	 * @param defaultAnswer the answer to requests that nothing else answers
	 * @return the running stub; close it to free the port
	 */
	public static OpenRouterStub start(StubAnswer defaultAnswer) {
		return new OpenRouterStub(defaultAnswer);
	}

	/**
	 * Returns the base URL to configure a client with.
	 * @return the URL, for example {@code http://127.0.0.1:54321/api/v1}, without a trailing slash
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/api/v1";
	}

	/**
	 * Returns the port the stub listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Returns the only key the stub accepts, {@code sk-or-stub-} and 32 random hex digits.
	 * @return the key
	 */
	public String apiKey() {
		return this.apiKey;
	}

	/**
	 * Queues answers; each answers one request that no {@link #answerWhen rule} matches, in order.
	 * @param answers the answers
	 * @return this stub
	 */
	public OpenRouterStub enqueue(StubAnswer... answers) {
		for (StubAnswer answer : answers) {
			this.queue.add(Objects.requireNonNull(answer, "answer"));
		}
		return this;
	}

	/**
	 * Answers every request that matches a predicate, until {@link #reset()}.
	 * @param when the predicate, for example {@link StubRequests#model(String)}
	 * @param answer the answer
	 * @return this stub
	 */
	public OpenRouterStub answerWhen(Predicate<? super MessageRequest> when, StubAnswer answer) {
		this.rules.add(new Rule(Objects.requireNonNull(when, "when"), Objects.requireNonNull(answer, "answer")));
		return this;
	}

	/**
	 * Sets the answer to requests that no rule matches when the queue is empty, until
	 * {@link #reset()}.
	 * @param answer the answer
	 * @return this stub
	 */
	public OpenRouterStub defaultAnswer(StubAnswer answer) {
		this.defaultAnswer = Objects.requireNonNull(answer, "answer");
		return this;
	}

	/**
	 * Returns the requests received since the stub started or was last {@link #reset() reset}, in
	 * order of arrival; the last {@value #MAX_RECORDED_REQUESTS} of them. A body that is not a
	 * Messages request is answered with OpenRouter's 400 and not recorded.
	 * @return a snapshot of the recorded requests
	 */
	public List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Returns the request received last.
	 * @return the request
	 * @throws IllegalStateException if there was none
	 */
	public RecordedRequest lastRequest() {
		List<RecordedRequest> requests = requests();
		if (requests.isEmpty()) {
			throw new IllegalStateException("The stub has received no request");
		}
		return requests.get(requests.size() - 1);
	}

	/**
	 * Returns how many answers the stub is writing now: streams not yet ended, delayed or stalled
	 * answers. A client that cancels a call closes its connection, which ends the answer.
	 * @return the number of exchanges in flight
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Sets what {@code GET /api/v1/key} answers, from the usage so far: the sum of the
	 * {@code usage.cost} of the messages the stub answered, in USD. By default a key named
	 * {@code stub} without a limit or an expiry. Kept by {@link #reset()}, like the stub's key: an
	 * application reads it in the background, between tests too.
	 * @param keyInfo makes the key's info from the usage so far
	 * @return this stub
	 * @see #key(String, BigDecimal, BigDecimal, OffsetDateTime)
	 */
	public OpenRouterStub keyInfo(Function<BigDecimal, KeyInfo> keyInfo) {
		this.keyInfo = Objects.requireNonNull(keyInfo, "keyInfo");
		return this;
	}

	/**
	 * Returns the info of a key with the same usage in every period, no BYOK usage and, with a
	 * limit, the part of it that the usage leaves.
	 * @param label the key's label
	 * @param limit the spending limit in USD, or {@code null} for none
	 * @param usage the usage in USD
	 * @param expiresAt the expiry, or {@code null} for none
	 * @return the key's info
	 */
	public static KeyInfo key(String label, @Nullable BigDecimal limit, BigDecimal usage,
			@Nullable OffsetDateTime expiresAt) {
		BigDecimal remaining = (limit != null) ? limit.subtract(usage) : null;
		return new KeyInfo(label, limit, remaining, (limit != null) ? "monthly" : null, usage, usage, usage, usage,
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, false, false, false,
				expiresAt, null, null);
	}

	/**
	 * Forgets the rules, the queued answers and the recorded requests, and restores the default
	 * answer the stub was started with.
	 */
	public void reset() {
		this.rules.clear();
		this.queue.clear();
		this.defaultAnswer = this.startingDefault;
		this.requests.clear();
	}

	/**
	 * Stops the stub and frees its port; connections still open are closed.
	 */
	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	@Override
	public String toString() {
		return "OpenRouterStub[" + baseUrl() + "]";
	}

	private void routes(HttpServerRoutes routes) {
		routes.post(MESSAGES_PATH, this::messages);
		routes.get(KEY_PATH, this::key);
		routes.get(GENERATION_PATH, this::generation);
		routes.route((request) -> true, (request, response) -> request.receive()
			.then(send(response, 404, new StubWireFormat.ErrorEnvelope(StubWireFormat.error(404, "Not found: the stub "
					+ "serves POST " + MESSAGES_PATH + ", GET " + KEY_PATH + " and GET " + GENERATION_PATH), null))));
	}

	/**
	 * Answers {@code GET /api/v1/key} with the {@link #keyInfo(Function) scripted} info.
	 */
	private Publisher<Void> key(HttpServerRequest request, HttpServerResponse response) {
		if (!authorized(request)) {
			return unauthorized(response);
		}
		BigDecimal usage = this.requests.stream()
			.map(RecordedRequest::response)
			.filter(Objects::nonNull)
			.map((message) -> (message.usage() != null) ? message.usage().cost() : null)
			.filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return send(response, 200, Map.of("data", this.keyInfo.apply(usage)));
	}

	/**
	 * Answers {@code GET /api/v1/generation?id=} for a message the stub answered, 404 otherwise.
	 */
	private Publisher<Void> generation(HttpServerRequest request, HttpServerResponse response) {
		if (!authorized(request)) {
			return unauthorized(response);
		}
		List<String> ids = new QueryStringDecoder(request.uri()).parameters().getOrDefault("id", List.of());
		MessageResponse message = this.requests.stream()
			.map(RecordedRequest::response)
			.filter((answered) -> answered != null && !ids.isEmpty() && ids.get(0).equals(answered.generationId()))
			.findFirst()
			.orElse(null);
		if (message == null) {
			return send(response, 404, new StubWireFormat.ErrorEnvelope(StubWireFormat.error(404, "Generation not found"),
					null));
		}
		return send(response, 200, Map.of("data", StubWireFormat.generation(message)));
	}

	private boolean authorized(HttpServerRequest request) {
		return ("Bearer " + this.apiKey).equals(request.requestHeaders().get(HttpHeaders.AUTHORIZATION));
	}

	private static Mono<Void> unauthorized(HttpServerResponse response) {
		return send(response, 401, new StubWireFormat.ErrorEnvelope(
				StubWireFormat.error(401, "Invalid credentials: the stub accepts only its own key"), null));
	}

	private Publisher<Void> messages(HttpServerRequest request, HttpServerResponse response) {
		HttpHeaders headers = new HttpHeaders();
		request.requestHeaders().forEach((header) -> headers.add(header.getKey(), header.getValue()));
		Sinks.Empty<Void> closed = Sinks.empty();
		ChannelFutureListener onClose = (future) -> closed.tryEmitEmpty();
		request.withConnection((connection) -> connection.channel().closeFuture().addListener(onClose));
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((body) -> exchange(body, headers, response, closed.asMono()))
			.doFinally((signal) -> request
				.withConnection((connection) -> connection.channel().closeFuture().removeListener(onClose)));
	}

	private Mono<Void> exchange(String body, HttpHeaders headers, HttpServerResponse response, Mono<Void> closed) {
		MessageRequest request;
		try {
			request = StubWireFormat.MAPPER.readValue(body, MessageRequest.class);
		}
		catch (JacksonException ex) {
			return send(response, 400, new StubWireFormat.ErrorEnvelope(
					StubWireFormat.error(400, "Invalid request: " + ex.getOriginalMessage()), null));
		}
		Plan plan = plan(request, headers);
		RecordedRequest recorded = new RecordedRequest(request, body, headers, plan.answer().status(), plan.message());
		this.requests.add(recorded);
		while (this.requests.size() > MAX_RECORDED_REQUESTS) {
			this.requests.remove(0);
		}
		this.inFlight.incrementAndGet();
		Runnable answered = () -> end(recorded, RecordedRequest.Outcome.ANSWERED);
		return Mono.delay(plan.answer().delay())
			.then(Mono.defer(() -> write(plan, request, response, answered)))
			.doOnSuccess((done) -> answered.run())
			.takeUntilOther(closed)
			.doFinally((signal) -> end(recorded, RecordedRequest.Outcome.CLOSED_BY_CLIENT));
	}

	private void end(RecordedRequest recorded, RecordedRequest.Outcome outcome) {
		recorded.end(outcome, this.inFlight::decrementAndGet);
	}

	/**
	 * Chooses the answer to a request: OpenRouter's 401 for another key, else the scripted
	 * answer (a 500 if the script fails), its message completed.
	 */
	private Plan plan(MessageRequest request, HttpHeaders headers) {
		if (!("Bearer " + this.apiKey).equals(headers.getFirst(HttpHeaders.AUTHORIZATION))) {
			return Plan.error(StubAnswer.error(401, "Invalid credentials: the stub accepts only its own key"));
		}
		boolean routingMetadata = "enabled"
			.equalsIgnoreCase(String.valueOf(headers.getFirst(DefaultReactiveMessagesClient.METADATA_HEADER)).strip());
		try {
			return scripted(request, routingMetadata, this.sequence.incrementAndGet());
		}
		catch (RuntimeException ex) {
			return Plan.error(StubAnswer.error(500, "The stub's scripted answer failed: " + ex));
		}
	}

	private Plan scripted(MessageRequest request, boolean routingMetadata, long number) {
		StubAnswer answer = next(request).resolve(request);
		if (answer.kind() != StubAnswer.Kind.MESSAGE) {
			return new Plan(answer, null);
		}
		MessageResponse scripted = (MessageResponse) Objects.requireNonNull(answer.content().apply(request),
				"The message function returned null");
		MessageResponse message = StubWireFormat.complete(scripted, request, number);
		if (!routingMetadata) {
			message = message.toBuilder().openrouterMetadata(null).build();
		}
		String generationId = (message.generationId() != null) ? message.generationId()
				: String.format(Locale.ROOT, "gen-stub-%06d", number);
		return new Plan(answer, message.withGenerationId(generationId));
	}

	private StubAnswer next(MessageRequest request) {
		for (Rule rule : this.rules) {
			if (rule.when().test(request)) {
				return rule.answer();
			}
		}
		StubAnswer queued = this.queue.poll();
		return (queued != null) ? queued : this.defaultAnswer;
	}

	private Mono<Void> write(Plan plan, MessageRequest request, HttpServerResponse response, Runnable answered) {
		StubAnswer answer = plan.answer();
		answer.headers().forEach(response::header);
		switch (answer.kind()) {
			case STALL:
				return Mono.never();
			case ERROR:
				return send(response, answer.status(), answer.content().apply(request));
			case RAW:
				return response.status(answer.status())
					.sendString(Mono.just((String) answer.content().apply(request)), StandardCharsets.UTF_8)
					.then();
			case STREAM:
				return stream(response, answer.stream().frames(), answer.stream().ending(), answer.deltaDelay(),
						answered);
			default:
				MessageResponse message = Objects.requireNonNull(plan.message());
				response.header(DefaultReactiveMessagesClient.GENERATION_ID_HEADER, message.generationId());
				if (!Boolean.TRUE.equals(request.stream())) {
					return send(response, 200, message);
				}
				return streamMessage(response, message, answer, answered);
		}
	}

	private Mono<Void> streamMessage(HttpServerResponse response, MessageResponse message, StubAnswer answer,
			Runnable answered) {
		List<StubStream.Frame> frames = new ArrayList<>();
		for (int i = 0; i < answer.keepAliveComments(); i++) {
			frames.add(new StubStream.Comment(StubStream.PROCESSING_COMMENT));
		}
		List<StreamEvent> events = StubWireFormat.events(message);
		StubAnswer.StreamEnd end = answer.end();
		int count = (end != null) ? Math.min(end.events(), events.size()) : events.size();
		events.subList(0, count).forEach((event) -> frames.add(new StubStream.Event(event)));
		StubStream.Ending ending = StubStream.Ending.COMPLETE;
		if (end == null) {
			frames.add(new StubStream.Done());
		}
		else if (end.error() != null) {
			frames.add(new StubStream.Event(new ErrorEvent(ErrorEvent.TYPE, end.error(), null)));
		}
		else {
			ending = end.ending();
		}
		return stream(response, frames, ending, answer.deltaDelay(), answered);
	}

	private Mono<Void> stream(HttpServerResponse response, List<StubStream.Frame> frames, StubStream.Ending ending,
			Duration deltaDelay, Runnable answered) {
		Flux<String> written = Flux.fromIterable(frames).concatMap((frame) -> {
			if (frame instanceof StubStream.Pause pause) {
				return Mono.delay(pause.duration()).then(Mono.<String>empty());
			}
			Mono<String> text = Mono.just(StubWireFormat.frame(frame));
			return deltaDelay.isZero() ? text : text.delayElement(deltaDelay);
		});
		Mono<Void> sent = response.status(200)
			.header(HttpHeaders.CONTENT_TYPE, "text/event-stream")
			.header(HttpHeaders.CACHE_CONTROL, "no-cache")
			.sendString(written, StandardCharsets.UTF_8)
			.then();
		return switch (ending) {
			case COMPLETE -> sent;
			case STALL -> sent.then(Mono.never());
			case CUT -> sent.then(Mono.fromRunnable(() -> {
				answered.run();
				response.withConnection(Connection::dispose);
			}));
		};
	}

	private static Mono<Void> send(HttpServerResponse response, int status, Object body) {
		return response.status(status)
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(StubWireFormat.json(body)), StandardCharsets.UTF_8)
			.then();
	}

	/**
	 * A rule: answer requests that match.
	 */
	private record Rule(Predicate<? super MessageRequest> when, StubAnswer answer) {

	}

	/**
	 * The resolved answer to one request and, for a message answer, the completed message.
	 */
	private record Plan(StubAnswer answer, @Nullable MessageResponse message) {

		static Plan error(StubAnswer answer) {
			return new Plan(answer, null);
		}

	}

}
