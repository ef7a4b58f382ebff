package io.github.openrouter.spring.messages.client;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.ExchangeMode;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link HttpClientObservation}: a call sent straight to Reactor Netty records the same
 * {@code http.client.requests} observation as the same call through WebClient (name, contextual
 * name, every key value, error), for a success, an API error and a refused connection, propagates
 * the headers tracing handlers set, and has the client's own observation as parent.
 */
class HttpClientObservationTests {

	private static final String PATH = DefaultReactiveMessagesClientTests.PATH;

	@RegisterExtension
	static WireMockExtension wireMock = DefaultReactiveMessagesClientTests.loopbackWireMock();

	@Test
	void shouldRecordWhatWebClientRecordsForASuccess() throws Exception {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/response-200.example.json"))));
		assertSameObservationBothWays("http://127.0.0.1:" + wireMock.getPort() + "/api/v1", "200");
	}

	@Test
	void shouldRecordWhatWebClientRecordsForAnApiError() throws Exception {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")));
		assertSameObservationBothWays("http://127.0.0.1:" + wireMock.getPort() + "/api/v1", "429");
	}

	@Test
	void shouldRecordWhatWebClientRecordsForARefusedConnection() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertSameObservationBothWays("http://127.0.0.1:" + closedPort + "/api/v1", "CLIENT_ERROR");
	}

	@Test
	void shouldSendTheHeadersThatTracingHandlersSetAndNestUnderTheClientsObservation() throws Exception {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/response-200.example.json"))));
		Recorder recorder = new Recorder();
		ObservationRegistry registry = recorder.registry();
		registry.observationConfig().observationHandler(new Propagator());
		MessagesClientBuilder builder = client("http://127.0.0.1:" + wireMock.getPort() + "/api/v1", registry)
			.observationRegistry(registry);
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive()) {
			assertThat(client.exchangeMode()).isEqualTo(ExchangeMode.CONNECTOR);
			client.create(DefaultReactiveMessagesClientTests.hello()).block();
		}
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("traceparent", equalTo("00-trace-span-01"))
			.withHeader("Authorization", equalTo("Bearer " + DefaultReactiveMessagesClientTests.API_KEY)));
		Observation.Context http = recorder.only("http.client.requests");
		assertThat(http.getParentObservation()).isNotNull();
		assertThat(http.getParentObservation().getContextView().getName()).isEqualTo(DefaultMessagesObservationConvention.DEFAULT_NAME);
	}

	private void assertSameObservationBothWays(String baseUrl, String expectedStatus) throws Exception {
		Map<String, String> direct = observe(baseUrl, ExchangeMode.AUTO, ExchangeMode.CONNECTOR);
		Map<String, String> throughWebClient = observe(baseUrl, ExchangeMode.WEB_CLIENT, ExchangeMode.WEB_CLIENT);
		assertThat(direct).isEqualTo(throughWebClient).containsEntry("low status", expectedStatus);
	}

	/** Makes one call and returns what its http.client.requests observation recorded. */
	private static Map<String, String> observe(String baseUrl, ExchangeMode mode, ExchangeMode expected)
			throws InterruptedException {
		Recorder recorder = new Recorder();
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) client(baseUrl, recorder.registry())
			.exchangeMode(mode)
			.buildReactive()) {
			assertThat(client.exchangeMode()).isEqualTo(expected);
			catchThrowable(() -> client.create(DefaultReactiveMessagesClientTests.hello()).block());
		}
		Observation.Context context = recorder.only("http.client.requests");
		assertThat(context).isInstanceOf(ClientRequestObservationContext.class);
		Map<String, String> recorded = new TreeMap<>();
		recorded.put("contextual name", context.getContextualName());
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			recorded.put("low " + keyValue.getKey(), keyValue.getValue());
		}
		for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
			recorded.put("high " + keyValue.getKey(), keyValue.getValue());
		}
		recorded.put("error", (context.getError() != null) ? context.getError().getClass().getName() : "none");
		return recorded;
	}

	private static MessagesClientBuilder client(String baseUrl, ObservationRegistry webClientRegistry) {
		return MessagesClient.builder()
			.apiKey(DefaultReactiveMessagesClientTests.API_KEY)
			.baseUrl(baseUrl)
			.retryPolicy(RetryPolicy.none())
			.webClientBuilder(WebClient.builder().observationRegistry(webClientRegistry));
	}

	/**
	 * Collects every observation's context when it stops.
	 */
	private static final class Recorder implements ObservationHandler<Observation.Context> {

		private final List<Observation.Context> stopped = new ArrayList<>();

		ObservationRegistry registry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(this);
			return registry;
		}

		@Override
		public synchronized void onStop(Observation.Context context) {
			this.stopped.add(context);
			notifyAll();
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		/**
		 * Returns the one stopped observation of a name, waiting for it: WebClient stops its
		 * observation after the caller has seen a failure (in a {@code doFinally}).
		 */
		synchronized Observation.Context only(String name) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (named(name).isEmpty() && deadline - System.nanoTime() > 0) {
				TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
			}
			List<Observation.Context> named = named(name);
			assertThat(named).as("stopped observations named %s", name).hasSize(1);
			return named.get(0);
		}

		private List<Observation.Context> named(String name) {
			return this.stopped.stream().filter((context) -> name.equals(context.getName())).toList();
		}

	}

	/**
	 * Sets a trace header through the sender context's setter, as a tracing handler does.
	 */
	private static final class Propagator implements ObservationHandler<SenderContext<Object>> {

		@Override
		public void onStart(SenderContext<Object> context) {
			context.getSetter().set(context.getCarrier(), "traceparent", "00-trace-span-01");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof SenderContext;
		}

	}

}
