package io.github.openrouter.spring.benchmarks;

import java.time.Duration;
import java.util.Map;

import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * This starter's client, built with {@link MessagesClient#builder()} like an application outside
 * Spring Boot would. Concurrent calls use the reactive client; sequential calls and the
 * {@code starter-blocking} variant's streams use the blocking one.
 *
 * @since 0.1.0
 */
public final class StarterClient implements BenchClient {

	private final String name;

	private final boolean blockingStreams;

	private final MessagesClient client;

	private final ReactiveMessagesClient reactive;

	// built here, not by Requests.starterRequest(): the baseline starter loads this class beside its own
	// copy of the model, which must build the request
	private final MessageRequest request = MessageRequest.builder()
		.model(Requests.MODEL)
		.maxTokens(Requests.MAX_TOKENS)
		.addUserMessage(Requests.PROMPT)
		.build();

	/**
	 * Creates a starter client for the fake server.
	 * @param name the name in result tables
	 * @param port the fake server's port
	 * @param maxConnections the connection-pool size, or 0 to keep the builder's default connector
	 * @param blockingStreams whether {@link StreamCall#run} iterates a blocking {@link MessageStream}
	 * instead of blocking on the reactive stream
	 */
	public StarterClient(String name, int port, int maxConnections, boolean blockingStreams) {
		this(name, port, maxConnections, blockingStreams, Observed.NO);
	}

	/**
	 * Creates a starter client for the fake server, optionally observed.
	 * @param name the name in result tables
	 * @param port the fake server's port
	 * @param maxConnections the connection-pool size, or 0 to keep the builder's default connector
	 * @param blockingStreams whether {@link StreamCall#run} iterates a blocking {@link MessageStream}
	 * instead of blocking on the reactive stream
	 * @param observed which observations calls record into a {@link SimpleMeterRegistry}
	 */
	public StarterClient(String name, int port, int maxConnections, boolean blockingStreams, Observed observed) {
		this(name, port, maxConnections, blockingStreams, observed, true);
	}

	/**
	 * Creates a starter client for the fake server, optionally observed.
	 * @param name the name in result tables
	 * @param port the fake server's port
	 * @param maxConnections the connection-pool size, or 0 to keep the builder's default connector
	 * @param blockingStreams whether {@link StreamCall#run} iterates a blocking {@link MessageStream}
	 * instead of blocking on the reactive stream
	 * @param observed which observations calls record into a {@link SimpleMeterRegistry}
	 * @param keepPartialMessage whether streams keep the content received so far for the partial
	 * message of their exceptions ({@link MessagesClientBuilder#keepPartialMessage(boolean)})
	 */
	public StarterClient(String name, int port, int maxConnections, boolean blockingStreams, Observed observed,
			boolean keepPartialMessage) {
		this.name = name;
		this.blockingStreams = blockingStreams;
		MessagesClientBuilder builder = MessagesClient.builder()
			.baseUrl("http://127.0.0.1:" + port + "/api/v1")
			.apiKey("sk-or-bench")
			.keepPartialMessage(keepPartialMessage);
		if (observed != Observed.NO) {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			ObservationRegistry registry = ObservationRegistry.create();
			// as Spring Boot groups meter handlers: the first that supports an observation records it
			registry.observationConfig()
				.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
						new MessagesMeterObservationHandler(meters), new DefaultMeterObservationHandler(meters)));
			builder.observationRegistry(registry);
			if (observed == Observed.LIKE_BOOT) {
				// Spring Boot's WebClient.Builder records http.client.requests into the same registry
				builder.webClientBuilder(WebClient.builder().observationRegistry(registry));
			}
		}
		if (maxConnections > 0) {
			builder.connectionPool(new ConnectionPoolSettings(maxConnections, Duration.ofMinutes(2), Duration.ofSeconds(30)));
		}
		this.client = builder.build();
		this.reactive = this.client.reactive();
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public long createMany(int total, int concurrency) {
		if (concurrency <= 1) {
			long chars = 0;
			for (int i = 0; i < total; i++) {
				chars += Requests.checkMessageText(this.client.create(this.request).text()).length();
			}
			return chars;
		}
		return Flux.range(0, total)
			.flatMap((i) -> this.reactive.create(this.request), concurrency)
			.map((response) -> (long) Requests.checkMessageText(response.text()).length())
			.reduce(0L, Long::sum)
			.block();
	}

	@Override
	public StreamCall streamCall(StreamShape shape) {
		RequestOptions.Builder builder = RequestOptions.builder();
		for (Map.Entry<String, String> header : shape.headers().entrySet()) {
			builder.header(header.getKey(), header.getValue());
		}
		RequestOptions options = builder.build();
		return new StreamCall() {

			@Override
			public void run(StreamListener listener) {
				if (StarterClient.this.blockingStreams) {
					try (MessageStream events = StarterClient.this.client.stream(StarterClient.this.request, options)) {
						for (StreamEvent event : events) {
							onEvent(event, listener);
						}
					}
				}
				else {
					StarterClient.this.reactive.stream(StarterClient.this.request, options)
						.doOnNext((event) -> onEvent(event, listener))
						.blockLast();
				}
				listener.onComplete();
			}

			@Override
			public void start(StreamListener listener) {
				StarterClient.this.reactive.stream(StarterClient.this.request, options)
					.subscribe((event) -> onEvent(event, listener), listener::onError, listener::onComplete);
			}

		};
	}

	private static void onEvent(StreamEvent event, StreamListener listener) {
		if (event instanceof ContentBlockDeltaEvent delta && delta.delta() instanceof TextDelta text) {
			listener.onText(text.text());
		}
	}

	/**
	 * Which observations a starter client records.
	 */
	public enum Observed {

		/** None: no observation registry. */
		NO,

		/** The client's own observation and meters only (a builder given a registry). */
		CLIENT_ONLY,

		/**
		 * As in a Spring Boot application with actuator: the client's observation and meters, and
		 * WebClient's {@code http.client.requests}, which makes {@code AUTO} send through WebClient.
		 */
		LIKE_BOOT

	}

	@Override
	public void close() {
		if (this.client instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

}
