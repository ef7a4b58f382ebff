package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openrouter.spring.messages.ExchangeMode;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.error.ServerException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ExchangeMode}: how {@link ExchangeMode#AUTO} resolves, and that
 * {@link NettyExchange} (the client's own or a given Reactor Netty client) and
 * {@link ConnectorExchange} (a given connector) send and handle exactly what
 * {@link WebClientExchange} does.
 */
class ExchangeModeTests {

	private static final String PATH = DefaultReactiveMessagesClientTests.PATH;

	private static final String API_KEY = DefaultReactiveMessagesClientTests.API_KEY;

	@RegisterExtension
	static WireMockExtension wireMock = DefaultReactiveMessagesClientTests.loopbackWireMock();

	private static MessagesClientBuilder builder() {
		return DefaultReactiveMessagesClientTests.builderFor(wireMock);
	}

	private static ExchangeMode resolved(MessagesClientBuilder builder) {
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive()) {
			return client.exchangeMode();
		}
	}

	@Test
	void autoShouldCallTheConnectorWhenWebClientWouldAddNothing() {
		assertThat(resolved(builder())).isEqualTo(ExchangeMode.CONNECTOR);
		assertThat(resolved(builder().webClientBuilder(WebClient.builder().baseUrl("http://unused.example"))))
			.isEqualTo(ExchangeMode.CONNECTOR);
	}

	@Test
	void autoShouldRecordWebClientsObservationItselfAndGoStraight() {
		// over its own Reactor Netty client the client records http.client.requests itself (HttpClientObservationTests)
		assertThat(resolved(builder().webClientBuilder(WebClient.builder().observationRegistry(observing()))))
			.isEqualTo(ExchangeMode.CONNECTOR);
		assertThat(resolved(builder().observationRegistry(observing())
			.webClientBuilder(WebClient.builder().observationRegistry(observing())))).isEqualTo(ExchangeMode.CONNECTOR);
	}

	@Test
	void autoShouldUseWebClientForItsObservationOverAGivenConnector() {
		assertThat(resolved(builder().clientConnector(new ReactorClientHttpConnector())
			.webClientBuilder(WebClient.builder().observationRegistry(observing())))).isEqualTo(ExchangeMode.WEB_CLIENT);
		assertThat(resolved(builder().clientConnector(new ReactorClientHttpConnector()))).isEqualTo(ExchangeMode.CONNECTOR);
	}

	@Test
	void autoShouldCallTheConnectorWhenOnlyTheClientObserves() {
		// the client's own observation and meters do not need WebClient; a WebClient without a registry records nothing
		assertThat(resolved(builder().observationRegistry(observing()))).isEqualTo(ExchangeMode.CONNECTOR);
		// a registry without handlers records nothing either
		assertThat(resolved(builder().webClientBuilder(WebClient.builder().observationRegistry(ObservationRegistry.create()))))
			.isEqualTo(ExchangeMode.CONNECTOR);
	}

	private static ObservationRegistry observing() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		return registry;
	}

	@Test
	void autoShouldUseWebClientWhenTheBuilderHasAFilter() {
		assertThat(resolved(builder().webClientBuilder(WebClient.builder().filter((request, next) -> next.exchange(request)))))
			.isEqualTo(ExchangeMode.WEB_CLIENT);
	}

	@Test
	void autoShouldUseWebClientWhenTheBuilderHasADefaultHeader() {
		assertThat(resolved(builder().webClientBuilder(WebClient.builder().defaultHeader("X-Team", "search"))))
			.isEqualTo(ExchangeMode.WEB_CLIENT);
	}

	@Test
	void autoShouldUseWebClientWhenTheBuilderHasADefaultCookie() {
		assertThat(resolved(builder().webClientBuilder(WebClient.builder().defaultCookie("session", "abc"))))
			.isEqualTo(ExchangeMode.WEB_CLIENT);
	}

	@Test
	void explicitModeShouldWinOverWhatAutoWouldChoose() {
		assertThat(resolved(builder().exchangeMode(ExchangeMode.WEB_CLIENT))).isEqualTo(ExchangeMode.WEB_CLIENT);
		assertThat(resolved(builder().exchangeMode(ExchangeMode.CONNECTOR)
			.observationRegistry(ObservationRegistry.create())
			.webClientBuilder(WebClient.builder().defaultHeader("X-Team", "search")))).isEqualTo(ExchangeMode.CONNECTOR);
	}

	@Test
	void shouldLeaveTheGivenWebClientBuilderUnchanged() {
		WebClient.Builder webClientBuilder = WebClient.builder().defaultHeader("X-Team", "search");
		assertThat(resolved(builder().webClientBuilder(webClientBuilder))).isEqualTo(ExchangeMode.WEB_CLIENT);
		assertThat(resolved(builder().webClientBuilder(WebClient.builder()))).isEqualTo(ExchangeMode.CONNECTOR);
		AtomicInteger filters = new AtomicInteger(-1);
		AtomicInteger headers = new AtomicInteger(-1);
		webClientBuilder.filters((list) -> filters.set(list.size()))
			.defaultHeaders((values) -> headers.set(values.size()));
		assertThat(filters).hasValue(0);
		assertThat(headers).hasValue(1);
	}

	@Test
	void autoShouldSendThroughTheFiltersOfTheGivenBuilder() {
		stubOk();
		WebClient.Builder webClientBuilder = WebClient.builder()
			.filter((request, next) -> next
				.exchange(ClientRequest.from(request).header("X-From-Filter", "yes").build()));
		builder().webClientBuilder(webClientBuilder).build().create(DefaultReactiveMessagesClientTests.hello());
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-From-Filter", equalTo("yes"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY)));
	}

	@Test
	void connectorShouldSendTheSameCreateRequestAsWebClient() {
		stubOk();
		assertSameRequest((client) -> {
			MessageResponse response = client.create(DefaultReactiveMessagesClientTests.hello(), perCallOptions());
			assertThat(response.generationId()).isEqualTo("gen-123");
		});
	}

	@Test
	void connectorShouldSendTheSameStreamRequestAsWebClient() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(DefaultReactiveMessagesClientTests
				.fixture("synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse"))));
		assertSameRequest((client) -> {
			List<StreamEvent> events = client.reactive()
				.stream(DefaultReactiveMessagesClientTests.hello(), perCallOptions())
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(events).isNotEmpty();
		});
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void shouldMapAnErrorWithoutTheKeyItEchoes(Transport transport) {
		String proxyKey = "corp-proxy-token-4242";
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req-7")
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
					+ "\"message\":\"key " + proxyKey + " is disabled\"}}")));
		MessagesClient client = transport.configure(builder().apiKey(proxyKey)).build();
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(401);
				assertThat(ex.errorMessage()).isEqualTo("key [REDACTED] is disabled");
				assertThat(ex.rawBody()).doesNotContain(proxyKey);
				assertThat(ex.headers().getFirst("X-Request-Id")).isEqualTo("req-7");
			});
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void shouldDropAnOversizedErrorBodyAndKeepWorking(Transport transport) {
		String oversized = "x".repeat(ConnectorExchange.MAX_ERROR_BODY_BYTES + 1);
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "text/plain")
			.withBody(oversized)));
		MessagesClient client = transport.configure(builder()).build();
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThatExceptionOfType(ServerException.class)
				.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello()))
				.satisfies((ex) -> {
					assertThat(ex.statusCode()).isEqualTo(500);
					assertThat(ex.rawBody()).isEmpty();
				});
		}
		stubOk();
		assertThat(client.create(DefaultReactiveMessagesClientTests.hello()).id()).isEqualTo("msg_abc123");
	}

	private static void stubOk() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Generation-Id", "gen-123")
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/response-200.example.json"))));
	}

	private static RequestOptions perCallOptions() {
		return RequestOptions.builder()
			.header("X-Per-Call", "call-1")
			.routingMetadata(true)
			.sessionId("session-9")
			.build();
	}

	/**
	 * Makes the same call through WebClient, through the client's own Reactor Netty client and
	 * through a given connector, and checks that WireMock received byte-identical bodies and the
	 * same headers.
	 */
	private static void assertSameRequest(Consumer<MessagesClient> call) {
		LoggedRequest viaWebClient = send(Transport.WEB_CLIENT, call);
		Map<String, List<String>> headers = headers(viaWebClient);
		assertThat(headers).containsEntry("authorization", List.of("Bearer " + API_KEY))
			.containsKeys("content-type", "accept", "content-length", "http-referer", "x-openrouter-title",
					"x-openrouter-categories", "x-openrouter-metadata", "x-session-id", "x-per-call", "x-custom");
		for (Transport direct : List.of(Transport.NETTY, Transport.GIVEN_CONNECTOR)) {
			LoggedRequest viaConnector = send(direct, call);
			assertThat(viaConnector.getBody()).as(direct.name()).isEqualTo(viaWebClient.getBody());
			assertThat(headers(viaConnector)).as(direct.name()).isEqualTo(headers);
		}
	}

	private static LoggedRequest send(Transport transport, Consumer<MessagesClient> call) {
		wireMock.resetRequests();
		MessagesClient client = transport.configure(builder())
			.appReferer("https://example.com/app")
			.appTitle("Example App")
			.appCategories(List.of("chat", "coding"))
			.defaultHeader("X-Custom", "yes")
			.build();
		call.accept(client);
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo(PATH)));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static Map<String, List<String>> headers(LoggedRequest request) {
		Map<String, List<String>> headers = new TreeMap<>();
		for (HttpHeader header : request.getHeaders().all()) {
			headers.put(header.key().toLowerCase(Locale.ROOT), header.values());
		}
		return headers;
	}

	/**
	 * The three ways a call can go out.
	 */
	enum Transport {

		/** Through WebClient over the client's own Reactor Netty client. */
		WEB_CLIENT,

		/** Straight to the client's own Reactor Netty client ({@link NettyExchange}). */
		NETTY,

		/** Straight to a connector given to the builder ({@link ConnectorExchange}). */
		GIVEN_CONNECTOR;

		MessagesClientBuilder configure(MessagesClientBuilder builder) {
			return switch (this) {
				case WEB_CLIENT -> builder.exchangeMode(ExchangeMode.WEB_CLIENT);
				case NETTY -> builder.exchangeMode(ExchangeMode.CONNECTOR);
				case GIVEN_CONNECTOR -> builder.exchangeMode(ExchangeMode.CONNECTOR)
					.clientConnector(new ReactorClientHttpConnector(HttpClient.create()));
			};
		}

	}

}
