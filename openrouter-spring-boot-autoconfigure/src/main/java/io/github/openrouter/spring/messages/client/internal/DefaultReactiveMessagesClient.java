package io.github.openrouter.spring.messages.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.internal.ErrorMapper;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.internal.RecordCreatorModule;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.internal.MessagesObserver;
import io.github.openrouter.spring.messages.streaming.internal.StreamEventDecoder;
import io.github.openrouter.spring.messages.structured.JsonOutput;
import io.github.openrouter.spring.messages.structured.StructuredResponse;
import io.github.openrouter.spring.messages.structured.internal.StructuredCalls;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP implementation of {@link ReactiveMessagesClient}. Every call reads top to bottom:
 * the request is prepared (client defaults merged, validated before any I/O), exchanged
 * ({@link HttpExchange}: through a {@code WebClient} or straight to the
 * {@link ClientHttpConnector}, by one rule), and its answer decoded; Reactor's operators bound
 * it, on {@link Schedulers#parallel()} looked up when used: {@code retryWhen} with {@link Retries}
 * (no delay past the call's deadline); for a create or a GET, {@code timeout} on each attempt until
 * the first limit of its {@link AttemptLimits} (first byte, body idle, the call's deadline: one
 * timer per attempt); for a stream, {@code timeout} for the first byte and {@code takeUntilOther}
 * for its total. A stream's idle limit is the one operator of the client's own
 * ({@link IdleTimeout}): it pauses while the reader asks for nothing. Every failure ends the call with an
 * {@link io.github.openrouter.spring.messages.error.OpenRouterException}. Close the client to
 * release its own connection pool.
 *
 * @since 0.1.0
 */
public final class DefaultReactiveMessagesClient implements ReactiveMessagesClient, AutoCloseable {

	/** Response header carrying the generation id. */
	public static final String GENERATION_ID_HEADER = "X-Generation-Id";

	/** Request header that opts in to {@code openrouter_metadata}. */
	public static final String METADATA_HEADER = "X-OpenRouter-Metadata";

	/** Name of the connection pool the client's own connector uses. */
	public static final String CONNECTION_POOL_NAME = "openrouter-messages";

	private static final int MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

	/** How long a stream waits for the head of its answer unless a first-byte timeout is set. */
	private static final Duration DEFAULT_FIRST_BYTE = Duration.ofSeconds(60);

	/**
	 * How long the rest of a stream's body may take to end after {@code message_stop} before its
	 * connection is closed rather than returned to the pool.
	 */
	private static final Duration DRAIN_LIMIT = Duration.ofSeconds(2);

	/** How long a blocking call waits beyond its total limit, for the limit's own error to arrive. */
	private static final Duration BLOCKING_GRACE = Duration.ofSeconds(5);

	private static final BooleanSupplier NOTHING_DELIVERED = () -> false;

	/** An empty answer, decoded like any other (each decoder says what is wrong with it). */
	private static final Mono<DataBuffer> EMPTY_BODY = Mono
		.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.allocateBuffer(0));

	/** Markers of the slot through which {@link #handOver} hands an answer's head over. */
	private static final Object DELIVERED = new Object();

	private static final Object CLOSED = new Object();

	private final ClientSettings settings;

	private final ClientTimeouts timeouts;

	private final JsonMapper mapper = JsonMapper.builder().addModule(new RecordCreatorModule()).build();

	private final ObjectReader responseReader = this.mapper.readerFor(MessageResponse.class);

	/** Structured output on this client's own mapper. */
	private final StructuredCalls structured = new StructuredCalls(this.mapper);

	private final RequestPreparer preparer;

	private final @Nullable ConnectionProvider ownConnectionProvider;

	private final HttpExchange exchange;

	private final URI messagesUri;

	private final WireLogger wireLogger;

	private final MessagesObserver observer;

	private final StreamEventDecoder streamDecoder;

	/**
	 * Creates a client.
	 * @param settings the settings
	 */
	public DefaultReactiveMessagesClient(ClientSettings settings) {
		this.settings = settings;
		this.timeouts = settings.timeouts();
		this.preparer = new RequestPreparer(settings, this.mapper);
		ClientHttpConnector connector = settings.clientConnector();
		if (connector == null) {
			this.ownConnectionProvider = settings.connectionPool().newConnectionProvider(CONNECTION_POOL_NAME);
			connector = new ReactorClientHttpConnector(HttpClient.create(this.ownConnectionProvider)
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
						(int) Math.min(Integer.MAX_VALUE, this.timeouts.connect().toMillis()))
				.followRedirect(false));
		}
		else {
			this.ownConnectionProvider = null;
		}
		this.messagesUri = URI.create(settings.baseUrl() + "/messages");
		this.exchange = new HttpExchange(settings.webClientBuilder(), connector, settings.observationRegistry(),
				settings.clientRequestObservationConvention(), this.timeouts.streamIdle(), this::idleTimeout);
		this.observer = new MessagesObserver(settings.observationRegistry(), settings.observationConvention(),
				this.messagesUri.getHost(), settings.defaultModel());
		this.streamDecoder = new StreamEventDecoder(this.mapper, settings.keepPartialMessage());
		this.wireLogger = new WireLogger(settings.wireLogging(), settings.wireLogMaxBodyChars(), settings.apiKey());
	}

	@Override
	public Mono<MessageResponse> create(MessageRequest request, RequestOptions options) {
		return this.observer.observeCreate(request, Mono.defer(() -> {
			RequestPreparer.Prepared call = this.preparer.prepare(request, options, false);
			Duration budget = call.budget();
			return exchangeWhole(HttpMethod.POST, this.messagesUri, call.headers(), call.body(),
					firstByteOfCreate(call.maxTokens(), budget), budget, true, this::decode);
		}).onErrorMap(this::translate));
	}

	@Override
	public Flux<StreamEvent> stream(MessageRequest request, RequestOptions options) {
		return this.observer.observeStream(request, Flux.defer(() -> {
			RequestPreparer.Prepared call = this.preparer.prepare(request, options, true);
			Duration budget = call.budget();
			FirstEvent first = new FirstEvent();
			// the total limit bounds the attempts until the first event; then only the idle limit
			// applies. One timer for the whole stream, which either the first event or the limit
			// claims (timeout would subscribe a companion per event); the limit completes the
			// attempts (cancelling them) and its error follows. Never completing otherwise, since
			// takeUntilOther ends the attempts when its companion completes.
			Mono<Long> totalLimit = Mono.delay(budget, Schedulers.parallel())
				.flatMap((tick) -> first.expire() ? Mono.just(tick) : Mono.never());
			return exchange(HttpMethod.POST, this.messagesUri, call.headers(), call.body(), firstByte(budget))
				.flatMapMany((response) -> read(response, this::events))
				.filter(first)
				.retryWhen(new Retries(this.settings.retryPolicy(), budget, false, first))
				.takeUntilOther(totalLimit)
				.concatWith(Flux.defer(() -> first.expired()
						? Flux.error(timeout(OpenRouterTimeoutException.Kind.TOTAL, budget)) : Flux.empty()));
		}).onErrorMap(this::translate));
	}

	/**
	 * Sends a GET of the API (a path under the base URL, and a query) on the same transport as the
	 * messages calls (authentication, retries, limits, error mapping, {@code http.client.requests})
	 * and decodes its JSON answer. For the starter's own account calls; not a supported API.
	 * @param <T> the type of the answer
	 * @param path the path under the base URL, such as {@code /key}
	 * @param query the query parameters (encoded here), possibly empty
	 * @param type the type the JSON answer is decoded to
	 * @return the answer
	 */
	public <T> Mono<T> get(String path, Map<String, String> query, Class<T> type) {
		return Mono.defer(() -> {
			UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(this.settings.baseUrl()).path(path);
			query.forEach(builder::queryParam);
			URI uri = builder.encode().build().toUri();
			Duration budget = this.timeouts.total();
			return exchangeWhole(HttpMethod.GET, uri, this.preparer.headersWithoutBody(), null, firstByte(budget), budget,
					false, (body, headers) -> decodeJson(body, type, uri));
		}).onErrorMap(this::translate);
	}

	/**
	 * A call whose answer is read whole (a create, a GET): its attempts, each bounded by its
	 * {@link AttemptLimits} (first byte, body idle and the call's deadline, on one timer), and the
	 * retries between them, whose delays never reach past the deadline. So no attempt, delay or
	 * body read outlasts the budget, without a timer of its own for the whole call.
	 */
	private <T> Mono<T> exchangeWhole(HttpMethod method, URI uri, HttpHeaders headers, byte @Nullable [] body,
			@Nullable Duration firstByte, Duration budget, boolean create,
			BiFunction<DataBuffer, HttpHeaders, T> decoder) {
		long deadline = System.nanoTime() + budget.toNanos();
		return Mono.defer(() -> {
			AttemptLimits limits = new AttemptLimits(System::nanoTime, firstByte, this.timeouts.streamIdle(), budget,
					deadline);
			return exchange(method, uri, headers, body, null)
				.flatMap((response) -> Mono.from(read(response, (head) -> readWhole(head, limits, decoder))))
				.timeout(limits.expiry(), Mono.error(limits::error));
		}).retryWhen(new Retries(this.settings.retryPolicy(), budget, create, NOTHING_DELIVERED));
	}

	/**
	 * One attempt: sends the request and waits for the head of a 2xx answer, within the first-byte
	 * limit if one is given (a create's or a GET's limits are kept by {@link AttemptLimits}
	 * instead); a non-2xx answer fails it with the mapped {@code OpenRouterApiException}.
	 */
	private Mono<HttpExchange.Response> exchange(HttpMethod method, URI uri, HttpHeaders headers,
			byte @Nullable [] body, @Nullable Duration firstByte) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			this.wireLogger.request(method, uri, headers, body);
			Mono<HttpExchange.Response> response = this.exchange.exchange(method, uri, headers, body,
					(status, responseHeaders, errorBody) -> toApiException(status, responseHeaders, errorBody, started));
			response = handOver(response, firstByte);
			if (this.wireLogger.active()) {
				response = response.doOnNext((head) -> this.wireLogger.response(head.status(), started));
			}
			return response.onErrorMap(this::translate);
		});
	}

	/**
	 * Hands an answer's head over, within a first-byte limit if one is given. A head that arrives
	 * as the limit fires or the caller cancels would be dropped without a discard hook (by
	 * {@code timeout}, or by an operator already cancelled), which would leave its connection
	 * busy: the head is therefore handed over through a slot that the end of the attempt closes,
	 * and a head left in it, or arriving after, is discarded.
	 */
	private static Mono<HttpExchange.Response> handOver(Mono<HttpExchange.Response> response,
			@Nullable Duration limit) {
		return Mono.defer(() -> {
			AtomicReference<@Nullable Object> slot = new AtomicReference<>();
			Mono<HttpExchange.Response> offered = response.doOnNext((head) -> {
				if (!slot.compareAndSet(null, head)) {
					head.discard();
				}
			});
			if (limit != null) {
				offered = offered.timeout(limit,
						Mono.error(() -> timeout(OpenRouterTimeoutException.Kind.FIRST_BYTE, limit)));
			}
			// a head that the cancel's close has already discarded goes no further
			return offered.filter((head) -> slot.compareAndSet(head, DELIVERED)).doFinally((signal) -> {
				if (slot.getAndSet(CLOSED) instanceof HttpExchange.Response head) {
					head.discard();
				}
			});
		});
	}

	/**
	 * Reads an answer; if deciding how to read it fails, its body is discarded (which frees the
	 * connection) and the failure ends the attempt.
	 */
	private static <T> Publisher<T> read(HttpExchange.Response response,
			Function<HttpExchange.Response, ? extends Publisher<T>> reader) {
		try {
			return reader.apply(response);
		}
		catch (Throwable failure) {
			Exceptions.throwIfJvmFatal(failure);
			response.discard();
			return Mono.error(failure);
		}
	}

	/**
	 * Reads a 2xx answer whole and decodes it straight from the joined body (no copy into an array
	 * unless wire logging or an error needs the bytes); an empty body is decoded as an empty buffer.
	 * A failure while reading it is never retried (the answer was produced); once it is read, only
	 * the call's deadline bounds its decoding (the server's silence no longer matters).
	 */
	private <T> Mono<T> readWhole(HttpExchange.Response response, AttemptLimits limits,
			BiFunction<DataBuffer, HttpHeaders, T> decoder) {
		limits.headArrived();
		return DataBufferUtils.join(response.body().doOnNext((buffer) -> limits.dataArrived()), MAX_RESPONSE_BYTES)
			.onErrorMap((failure) -> TransportErrors.translateInBody(failure, this.timeouts))
			.switchIfEmpty(EMPTY_BODY)
			.map((joined) -> {
				limits.bodyRead();
				try {
					return decoder.apply(joined, response.headers());
				}
				finally {
					DataBufferUtils.release(joined);
				}
			});
	}

	private <T> T decodeJson(DataBuffer body, Class<T> type, URI uri) {
		byte[] bytes = HttpExchange.bytes(body);
		this.wireLogger.responseBody(bytes);
		try {
			return this.mapper.readValue(bytes, type);
		}
		catch (JacksonException ex) {
			throw decodingFailure("Could not read the 2xx response to GET " + uri.getRawPath() + ": ", ex, bytes);
		}
	}

	/** Reads a 2xx body whole; a failure while reading it is never retried (the answer was produced). */
	private Mono<byte[]> readBody(HttpExchange.Response response) {
		return HttpExchange.readBody(response.body(), MAX_RESPONSE_BYTES, this.timeouts.streamIdle(), this::idleTimeout)
			.onErrorMap((failure) -> TransportErrors.translateInBody(failure, this.timeouts));
	}

	/**
	 * The events of a stream's answer, until {@code message_stop}: the stream then completes at
	 * once, so that a body held open cannot delay the end, and the rest of the body is read to its
	 * end (within {@link #DRAIN_LIMIT} and the idle limit), so that its connection returns to the
	 * pool instead of closing.
	 */
	private Flux<StreamEvent> events(HttpExchange.Response response) {
		MediaType contentType;
		try {
			contentType = response.headers().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			return notAnEventStream(response);
		}
		if (contentType != null && !MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType)) {
			return notAnEventStream(response);
		}
		return StopThenDrain.stopAt(this.streamDecoder.decode(
				IdleTimeout.limit(response.body(), this.timeouts.streamIdle().toNanos(), this::idleTimeout),
				response.headers().getFirst(GENERATION_ID_HEADER)), MessageStopEvent.class::isInstance, DRAIN_LIMIT);
	}

	/**
	 * Fails a stream whose 2xx answer is not an event stream (an HTML portal page, a JSON body),
	 * quoting its start; the SSE decoder would otherwise report it as a truncated stream.
	 */
	private Flux<StreamEvent> notAnEventStream(HttpExchange.Response response) {
		String contentType = response.headers().getFirst(HttpHeaders.CONTENT_TYPE);
		return readBody(response).flatMapMany((bytes) -> {
			this.wireLogger.responseBody(bytes);
			return Flux.error(new OpenRouterDecodingException("Expected text/event-stream in a 2xx response to a "
					+ "streaming POST /messages but got " + excerpt(String.valueOf(contentType).getBytes(StandardCharsets.UTF_8))
					+ " (body starts with: " + excerpt(bytes) + ")", null));
		});
	}

	/**
	 * The first-byte limit of a non-streaming create: the one set, else
	 * {@code max(60 s, 3600 s × max_tokens / 128,000)}; {@code null} (none) when the total limit
	 * comes first.
	 */
	private @Nullable Duration firstByteOfCreate(@Nullable Integer maxTokens, Duration budget) {
		if (this.timeouts.firstByte() != null || maxTokens == null) {
			return firstByte(budget);
		}
		Duration scaled = Duration.ofMillis(3_600_000L * Math.max(0, maxTokens) / 128_000);
		return shorterThan((scaled.compareTo(DEFAULT_FIRST_BYTE) > 0) ? scaled : DEFAULT_FIRST_BYTE, budget);
	}

	/**
	 * The first-byte limit of a stream or a GET: the one set, else 60 s; {@code null} (none) when
	 * the total limit comes first.
	 */
	private @Nullable Duration firstByte(Duration budget) {
		Duration set = this.timeouts.firstByte();
		return shorterThan((set != null) ? set : DEFAULT_FIRST_BYTE, budget);
	}

	private static @Nullable Duration shorterThan(Duration limit, Duration budget) {
		return (limit.compareTo(budget) < 0) ? limit : null;
	}

	/**
	 * Returns how long a blocking call with these options may wait: its total limit and a grace.
	 * @param options the call's options
	 * @return the longest wait
	 */
	Duration blockingBound(RequestOptions options) {
		Duration timeout = options.timeout();
		Duration budget = (timeout != null && !timeout.isNegative() && !timeout.isZero())
				? ClientTimeouts.limit("timeout", timeout) : this.timeouts.total();
		return budget.plus(BLOCKING_GRACE);
	}

	private Throwable idleTimeout() {
		return timeout(OpenRouterTimeoutException.Kind.STREAM_IDLE, this.timeouts.streamIdle());
	}

	private static OpenRouterTimeoutException timeout(OpenRouterTimeoutException.Kind kind, Duration limit) {
		return TransportErrors.timeout(kind, limit);
	}

	private Throwable translate(Throwable failure) {
		return TransportErrors.translate(failure, this.timeouts);
	}

	/**
	 * Releases the client's own connection pool, if it created one.
	 */
	@Override
	public <T> Mono<StructuredResponse<T>> create(MessageRequest request, JsonOutput<T> output,
			RequestOptions options) {
		return this.structured.create(this, request, output, options);
	}

	@Override
	public <T> Mono<StructuredResponse<T>> stream(MessageRequest request, JsonOutput<T> output,
			RequestOptions options, Consumer<? super StreamEvent> onEvent) {
		return this.structured.stream(this, request, output, options, onEvent);
	}

	/**
	 * Returns structured output on this client's own mapper, for the blocking client.
	 */
	StructuredCalls structured() {
		return this.structured;
	}

	@Override
	public void close() {
		if (this.ownConnectionProvider != null) {
			this.ownConnectionProvider.dispose();
		}
	}

	/**
	 * Tells whether calls go through a {@code WebClient} (the builder has exchange filters, or
	 * {@code http.client.requests} is recorded) rather than straight to the connector.
	 * @return {@code true} through WebClient
	 */
	public boolean throughWebClient() {
		return this.exchange.throughWebClient();
	}

	/**
	 * Returns the settings of this client.
	 * @return the settings
	 */
	public ClientSettings settings() {
		return this.settings;
	}

	private Throwable toApiException(int status, HttpHeaders headers, byte[] body, long started) {
		this.wireLogger.errorResponse(status, started, body);
		return ErrorMapper.map(status, headers, withoutApiKey(body));
	}

	/**
	 * Removes the configured key from an error body before it becomes part of an exception: the
	 * mapper's own redaction only recognises key-shaped text, and a proxy may use any key format.
	 */
	private byte[] withoutApiKey(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		String redacted = withoutApiKey(text);
		return (redacted == text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
	}

	private String withoutApiKey(String text) {
		String key = this.settings.apiKey();
		return (key.isEmpty() || !text.contains(key)) ? text : text.replace(key, "[REDACTED]");
	}

	/**
	 * The failure to decode a 2xx body: Jackson quotes the offending token, which may be an echoed
	 * key, so its message is redacted and it is kept as the cause only if it holds no key.
	 */
	private OpenRouterDecodingException decodingFailure(String what, JacksonException ex, byte[] bytes) {
		String message = String.valueOf(ex.getMessage());
		JacksonException cause = (withoutApiKey(message) == message) ? ex : null;
		return new OpenRouterDecodingException(what + withoutApiKey(String.valueOf(ex.getOriginalMessage()))
				+ " (body starts with: " + excerpt(bytes) + ")", cause);
	}

	private static OpenRouterDecodingException emptyBody() {
		return new OpenRouterDecodingException("Empty body in a 2xx response to POST /messages", null);
	}

	private MessageResponse decode(DataBuffer body, HttpHeaders headers) {
		if (this.wireLogger.active()) {
			this.wireLogger.responseBody(HttpExchange.bytes(body));
		}
		if (body.readableByteCount() == 0) {
			throw emptyBody();
		}
		int start = body.readPosition();
		MessageResponse response;
		try (InputStream in = body.asInputStream()) {
			response = this.responseReader.readValue(in);
		}
		catch (JacksonException ex) {
			body.readPosition(start);
			throw decodingFailure("Malformed JSON in a 2xx response to POST /messages: ", ex, HttpExchange.bytes(body));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (response == null) {
			throw new OpenRouterDecodingException("A 2xx response to POST /messages had a null body", null);
		}
		String generationId = headers.getFirst(GENERATION_ID_HEADER);
		return (generationId != null && !generationId.isBlank()) ? response.withGenerationId(generationId)
				: response;
	}

	/**
	 * Quotes the start of a body in an exception message, without the API key (a proxy may echo
	 * it in any format) and without control characters.
	 */
	private String excerpt(byte[] body) {
		byte[] bytes = withoutApiKey(body);
		String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
		return text.replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?");
	}

	@Override
	public String toString() {
		return "DefaultReactiveMessagesClient[" + this.messagesUri + "]";
	}

	/**
	 * Whether a stream's first event came before its total limit or the limit first: the one that
	 * comes second loses (an event after the limit is dropped, a limit after the first event does
	 * nothing). Read by the retry decision after the attempt's terminal signal, which Reactive
	 * Streams orders after every element: a stream that delivered an event is never retried.
	 */
	private static final class FirstEvent implements Predicate<Object>, BooleanSupplier {

		private static final int WAITING = 0;

		private static final int DELIVERED = 1;

		private static final int EXPIRED = 2;

		private final AtomicInteger state = new AtomicInteger();

		/** Lets an event through unless the limit expired first. */
		@Override
		public boolean test(Object event) {
			int current = this.state.get();
			return current == DELIVERED || (current == WAITING && this.state.compareAndSet(WAITING, DELIVERED));
		}

		/** Claims the stream for the total limit unless an event came first. */
		boolean expire() {
			return this.state.compareAndSet(WAITING, EXPIRED);
		}

		boolean expired() {
			return this.state.get() == EXPIRED;
		}

		@Override
		public boolean getAsBoolean() {
			return this.state.get() == DELIVERED;
		}

	}

}
