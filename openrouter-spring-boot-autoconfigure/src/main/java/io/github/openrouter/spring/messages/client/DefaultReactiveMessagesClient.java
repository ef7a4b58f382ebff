package io.github.openrouter.spring.messages.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.ExchangeMode;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.ErrorMapper;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.RecordCreatorModule;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.MessagesObserver;
import io.github.openrouter.spring.messages.streaming.StreamEventDecoder;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP implementation of {@link ReactiveMessagesClient}, over Spring's {@link WebClient} or
 * straight over the {@link ClientHttpConnector} under it (see {@link ExchangeMode}).
 *
 * <p>
 * Each call serializes the request with a private plain {@link JsonMapper}, merges the client
 * defaults, validates the result before any network I/O, sends it with the auth, attribution and
 * routing headers, and maps every outcome to a response or an
 * {@link io.github.openrouter.spring.messages.error.OpenRouterException}. Close it to release its
 * own connection pool.
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

	private final ClientSettings settings;

	private final JsonMapper mapper = JsonMapper.builder().addModule(new RecordCreatorModule()).build();

	private final ObjectReader responseReader = this.mapper.readerFor(MessageResponse.class);

	private final RequestPreparer preparer;

	private final RetrySupport retrySupport;

	private final @Nullable ConnectionProvider ownConnectionProvider;

	private final Exchange exchange;

	private final URI messagesUri;

	private final WireLogger wireLogger;

	private final MessagesObserver observer;

	private final StreamEventDecoder streamDecoder;

	private final CreateCall.Plan createPlan;

	/**
	 * Creates a client.
	 * @param settings the settings
	 */
	public DefaultReactiveMessagesClient(ClientSettings settings) {
		this.settings = settings;
		this.preparer = new RequestPreparer(settings, this.mapper);
		this.retrySupport = new RetrySupport(settings.retryPolicy(), this::timer,
				() -> ThreadLocalRandom.current().nextDouble());
		ClientHttpConnector connector = settings.clientConnector();
		HttpClient httpClient = settings.httpClient();
		if (connector == null && httpClient == null) {
			ConnectionPoolSettings pool = settings.connectionPool();
			this.ownConnectionProvider = ConnectionProvider.builder(CONNECTION_POOL_NAME)
				.maxConnections(pool.maxConnections())
				// calls beyond the pool wait (each bounded by the acquire and total timeouts), never refused
				.pendingAcquireMaxCount(-1)
				.pendingAcquireTimeout(pool.pendingAcquireTimeout())
				.maxIdleTime(pool.maxIdleTime())
				.evictInBackground(pool.maxIdleTime())
				.build();
			httpClient = settings.httpClientCustomizer()
				.apply(HttpClient.create(this.ownConnectionProvider)
					.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
							(int) Math.min(Integer.MAX_VALUE, settings.timeouts().connect().toMillis())));
		}
		else {
			this.ownConnectionProvider = null;
		}
		this.messagesUri = URI.create(settings.baseUrl() + "/messages");
		this.exchange = Exchange.create(settings, this.messagesUri, this.preparer, connector, httpClient);
		this.observer = new MessagesObserver(settings.observationRegistry(), settings.observationConvention(),
				this.messagesUri.getHost(), settings.defaultModel());
		this.streamDecoder = new StreamEventDecoder(this.mapper, settings.keepPartialMessage());
		this.wireLogger = new WireLogger(settings.wireLogging(), settings.wireLogMaxBodyChars(), settings.apiKey());
		this.createPlan = new CreateCall.Plan(new CreateSteps(), this.retrySupport, settings.timeouts(),
				MAX_RESPONSE_BYTES);
	}

	@Override
	public Mono<MessageResponse> create(MessageRequest request, RequestOptions options) {
		return this.observer.observeCreate(request, new CreateCall(this.createPlan, request, options, timer()));
	}

	@Override
	public Flux<StreamEvent> stream(MessageRequest request, RequestOptions options) {
		return this.observer.observeStream(request, Flux.defer(() -> {
			RequestPreparer.Prepared call = this.preparer.prepare(request, options, true);
			Scheduler timer = timer();
			Flux<StreamEvent> attempt = Flux.defer(() -> exchange(call, timer)
				.flatMapMany((response) -> isEventStream(response.headers())
						? this.streamDecoder.decode(guardIdle(response.body(), timer),
								response.headers().getFirst(GENERATION_ID_HEADER))
						: notAnEventStream(response, timer)))
				.onErrorMap((failure) -> TransportErrors.translate(failure, this.settings.timeouts()));
			return withDeadline(this.retrySupport.retryBeforeFirstElement(attempt, call.budget()), call.budget(), timer);
		}));
	}

	private static Flux<StreamEvent> withDeadline(Flux<StreamEvent> events, Duration budget, Scheduler timer) {
		return CallTimers.withDeadline(events, budget, timer,
				() -> TransportErrors.timeout(OpenRouterTimeoutException.Kind.TOTAL, budget));
	}

	private static boolean isEventStream(HttpHeaders headers) {
		MediaType contentType = headers.getContentType();
		return contentType == null || MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType);
	}

	/**
	 * Fails a stream whose 2xx answer is not an event stream (an HTML portal page, a JSON body),
	 * quoting its start; the SSE decoder would otherwise report it as a truncated stream.
	 */
	private Flux<StreamEvent> notAnEventStream(ExchangeResponse response, Scheduler timer) {
		return readBody(response.body(), timer).flatMapMany((bytes) -> {
			this.wireLogger.responseBody(bytes);
			return Flux.error(new OpenRouterDecodingException("Expected text/event-stream in a 2xx response to a "
					+ "streaming POST /messages but got " + response.headers().getContentType()
					+ " (body starts with: " + excerpt(bytes) + ")", null));
		});
	}

	private Flux<DataBuffer> guardIdle(Flux<DataBuffer> body, Scheduler timer) {
		return CallTimers.withIdleTimeout(body, this.settings.timeouts().streamIdle(), timer, this::idleTimeout);
	}

	private Throwable idleTimeout() {
		return TransportErrors.timeout(OpenRouterTimeoutException.Kind.STREAM_IDLE, this.settings.timeouts().streamIdle());
	}

	/**
	 * Releases the client's own connection pool, if it created one.
	 */
	@Override
	public void close() {
		if (this.ownConnectionProvider != null) {
			this.ownConnectionProvider.dispose();
		}
	}

	/**
	 * Returns how this client sends requests, with {@link ExchangeMode#AUTO} resolved.
	 * @return {@link ExchangeMode#WEB_CLIENT} or {@link ExchangeMode#CONNECTOR}
	 */
	public ExchangeMode exchangeMode() {
		return this.exchange.mode();
	}

	/**
	 * Returns the settings of this client.
	 * @return the settings
	 */
	public ClientSettings settings() {
		return this.settings;
	}

	private Scheduler timer() {
		Scheduler scheduler = this.settings.timerScheduler();
		return (scheduler != null) ? scheduler : WheelTimerScheduler.shared();
	}

	private Mono<ExchangeResponse> exchange(RequestPreparer.Prepared call, long started) {
		this.wireLogger.request(this.messagesUri, call.headers(), call.body());
		return this.exchange.exchange(call,
				(status, headers, body) -> toApiException(status, headers, body, started));
	}

	/**
	 * A stream's attempt: the exchange, its first-byte limit and the wire log of the answer's head.
	 */
	private Mono<ExchangeResponse> exchange(RequestPreparer.Prepared call, Scheduler timer) {
		ClientTimeouts timeouts = this.settings.timeouts();
		long started = System.nanoTime();
		Mono<ExchangeResponse> response = exchange(call, started)
			.doOnNext((head) -> this.wireLogger.response(head.status(), started));
		return TimeLimitedMono.limit(response, timer, timeouts.firstByte().toNanos(),
				() -> TransportErrors.timeout(OpenRouterTimeoutException.Kind.FIRST_BYTE, timeouts.firstByte()),
				// an answer that lost the race with the timer: cancel its body, closing the connection
				ExchangeResponse::discard);
	}

	private Mono<OpenRouterApiException> toApiException(int status, HttpHeaders headers, Mono<byte[]> errorBody,
			long started) {
		return errorBody.defaultIfEmpty(new byte[0])
			.onErrorResume((failure) -> Mono.just(new byte[0]))
			.map((body) -> {
				this.wireLogger.errorResponse(status, started, body);
				return ErrorMapper.map(status, headers, withoutApiKey(body));
			});
	}

	/**
	 * Removes the configured key from an error body before it becomes part of an exception: the
	 * mapper's own redaction only recognises key-shaped text, and a proxy may use any key format.
	 */
	private byte[] withoutApiKey(byte[] body) {
		String key = this.settings.apiKey();
		String text = new String(body, StandardCharsets.UTF_8);
		return (key.isEmpty() || !text.contains(key)) ? body
				: text.replace(key, "[REDACTED]").getBytes(StandardCharsets.UTF_8);
	}

	private Mono<byte[]> readBody(Flux<DataBuffer> body, Scheduler timer) {
		return BodyReader.read(body, MAX_RESPONSE_BYTES, timer, this.settings.timeouts().streamIdle().toNanos(),
				this::idleTimeout);
	}

	private MessageResponse decode(byte[] bytes, HttpHeaders headers) {
		this.wireLogger.responseBody(bytes);
		if (bytes.length == 0) {
			throw new OpenRouterDecodingException("Empty body in a 2xx response to POST /messages", null);
		}
		MessageResponse response;
		try {
			response = this.responseReader.readValue(bytes);
		}
		catch (JacksonException ex) {
			throw new OpenRouterDecodingException("Malformed JSON in a 2xx response to POST /messages: "
					+ ex.getOriginalMessage() + " (body starts with: " + excerpt(bytes) + ")", ex);
		}
		if (response == null) {
			throw new OpenRouterDecodingException("A 2xx response to POST /messages had a null body", null);
		}
		String generationId = headers.getFirst(GENERATION_ID_HEADER);
		return (generationId != null && !generationId.isBlank()) ? response.withGenerationId(generationId)
				: response;
	}

	/**
	 * The client's part of a {@link CreateCall}.
	 */
	private final class CreateSteps implements CreateCall.Steps {

		@Override
		public RequestPreparer.Prepared prepare(MessageRequest request, RequestOptions options) {
			return DefaultReactiveMessagesClient.this.preparer.prepare(request, options, false);
		}

		@Override
		public Mono<ExchangeResponse> send(RequestPreparer.Prepared call, long startedNanos) {
			return exchange(call, startedNanos);
		}

		@Override
		public void received(int status, long startedNanos) {
			DefaultReactiveMessagesClient.this.wireLogger.response(status, startedNanos);
		}

		@Override
		public MessageResponse decode(byte[] body, HttpHeaders headers) {
			return DefaultReactiveMessagesClient.this.decode(body, headers);
		}

		@Override
		public Throwable translate(Throwable failure, boolean inBody) {
			ClientTimeouts timeouts = DefaultReactiveMessagesClient.this.settings.timeouts();
			return inBody ? TransportErrors.translateInBody(failure, timeouts)
					: TransportErrors.translate(failure, timeouts);
		}

	}

	private static String excerpt(byte[] bytes) {
		String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
		return text.replaceAll("\\s+", " ");
	}

	@Override
	public String toString() {
		return "DefaultReactiveMessagesClient[" + this.messagesUri + "]";
	}

}
