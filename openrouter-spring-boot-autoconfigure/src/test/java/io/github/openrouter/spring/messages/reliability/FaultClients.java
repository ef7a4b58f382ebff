package io.github.openrouter.spring.messages.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients for fault tests: every client shares one Reactor Netty pool whose metrics the tests
 * read, and one meter registry fed by the project's {@link MessagesMeterObservationHandler}
 * (wired as {@code OpenRouterObservationAutoConfiguration} wires it).
 */
final class FaultClients implements AutoCloseable {

	static final String API_KEY = "sk-or-v1-reliability-0123456789abcdef0123456789";

	private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

	private final ConnectionProvider connectionProvider;

	private final HttpClient httpClient;

	private final Transport transport;

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final ObservationRegistry observationRegistry = ObservationRegistry.create();

	FaultClients(int maxConnections) {
		this(maxConnections, Transport.WEB_CLIENT);
	}

	FaultClients(int maxConnections, Transport transport) {
		this.transport = transport;
		this.connectionProvider = ConnectionProvider.builder("reliability")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.metrics(true, () -> (poolName, id, remoteAddress, metrics) -> this.pools.put(id, metrics))
			.build();
		this.httpClient = HttpClient.create(this.connectionProvider).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000);
		this.observationRegistry.observationConfig()
			.observationHandler(new MessagesMeterObservationHandler(this.meterRegistry));
	}

	/**
	 * Returns a reactive client of the pool.
	 * @param baseUrl the base URL
	 * @param timeouts the timeouts
	 * @param retryPolicy the retry policy
	 * @return the client
	 */
	DefaultReactiveMessagesClient client(String baseUrl, ClientTimeouts timeouts, RetryPolicy retryPolicy) {
		MessagesClientBuilder builder = MessagesClient.builder()
			.apiKey(API_KEY)
			.baseUrl(baseUrl)
			.timeouts(timeouts)
			.retryPolicy(retryPolicy)
			.observationRegistry(this.observationRegistry);
		builder.clientConnector(new ReactorClientHttpConnector(this.httpClient));
		if (this.transport == Transport.WEB_CLIENT) {
			// a filter: the rule sends the calls through WebClient
			builder.webClientBuilder(WebClient.builder().filter((request, next) -> next.exchange(request)));
		}
		DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive();
		assertThat(client.throughWebClient()).isEqualTo(this.transport == Transport.WEB_CLIENT);
		return client;
	}

	MeterRegistry meterRegistry() {
		return this.meterRegistry;
	}

	/**
	 * Returns how many calls the duration timer recorded with the given outcome and error type.
	 * @param outcome the {@code outcome} tag
	 * @param errorType the {@code error.type} tag
	 * @return the count
	 */
	long durationCount(String outcome, String errorType) {
		return this.meterRegistry.find(MessagesMeterObservationHandler.OPERATION_DURATION)
			.tag("outcome", outcome)
			.tag("error.type", errorType)
			.timers()
			.stream()
			.mapToLong(Timer::count)
			.sum();
	}

	/**
	 * Returns how many calls the duration timer recorded in all.
	 * @param outcome the {@code outcome} tag, or {@code null} for any
	 * @return the count
	 */
	long durationCount(@Nullable String outcome) {
		var search = this.meterRegistry.find(MessagesMeterObservationHandler.OPERATION_DURATION);
		if (outcome != null) {
			search = search.tag("outcome", outcome);
		}
		return search.timers().stream().mapToLong(Timer::count).sum();
	}

	/**
	 * Returns the connections currently acquired from the pool, summed over remote addresses.
	 * @return the active connections
	 */
	int activeConnections() {
		return this.pools.values().stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
	}

	/**
	 * Returns the acquisitions still waiting for a connection, summed over remote addresses.
	 * @return the pending acquisitions
	 */
	int pendingAcquisitions() {
		return this.pools.values().stream().mapToInt(ConnectionPoolMetrics::pendingAcquireSize).sum();
	}

	/**
	 * Waits (generously bounded) until no connection is acquired or awaited; connections
	 * go back to the pool on Netty's event loop, just after the call has ended.
	 */
	void assertPoolDrained() {
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(this.pools).as("pool metrics registered").isNotEmpty();
			assertThat(activeConnections()).as("active (acquired) connections").isZero();
			assertThat(pendingAcquisitions()).as("pending acquisitions").isZero();
		});
	}

	@Override
	public void close() {
		this.connectionProvider.dispose();
	}

	/**
	 * The two paths of the rule: through WebClient (the builder has a filter), or straight to
	 * Spring's Reactor Netty connector (no filter, no recorded {@code http.client.requests}).
	 */
	enum Transport {

		WEB_CLIENT, CONNECTOR

	}

}
