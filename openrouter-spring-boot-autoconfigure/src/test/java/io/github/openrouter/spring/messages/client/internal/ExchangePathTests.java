package io.github.openrouter.spring.messages.client.internal;

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
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.error.ServerException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link HttpExchange}: the one rule that picks WebClient or the connector, that both
 * paths send and handle exactly the same (parity), and the GET entry point of the account calls.
 */
class ExchangePathTests {

	private static final String PATH = DefaultReactiveMessagesClientTests.PATH;

	private static final String API_KEY = DefaultReactiveMessagesClientTests.API_KEY;

	@RegisterExtension
	static WireMockExtension wireMock = DefaultReactiveMessagesClientTests.loopbackWireMock();

	private static MessagesClientBuilder builder() {
		return DefaultReactiveMessagesClientTests.builderFor(wireMock);
	}

	private static boolean throughWebClient(MessagesClientBuilder builder) {
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive()) {
			return client.throughWebClient();
		}
	}

	@Test
	void shouldCallTheConnectorWithoutFiltersOrRecordedHttpClientObservations() {
		assertThat(throughWebClient(builder())).isFalse();
		assertThat(throughWebClient(builder().webClientBuilder(WebClient.builder().baseUrl("http://unused.example"))))
			.isFalse();
		// default headers and cookies are sent by the connector path too
		assertThat(throughWebClient(builder().webClientBuilder(WebClient.builder().defaultHeader("X-Team", "search"))))
			.isFalse();
		// the client's own observation needs no WebClient; a convention with a NOOP registry records nothing
		assertThat(throughWebClient(builder().observationRegistry(observing()))).isFalse();
		assertThat(throughWebClient(
				builder().clientRequestObservationConvention(new DefaultClientRequestObservationConvention())))
			.isFalse();
	}

	@Test
	void shouldUseWebClientWhenTheBuilderHasAFilterOrHttpClientRequestsAreRecorded() {
		assertThat(throughWebClient(
				builder().webClientBuilder(WebClient.builder().filter((request, next) -> next.exchange(request)))))
			.isTrue();
		assertThat(throughWebClient(builder().observationRegistry(observing())
			.clientRequestObservationConvention(new DefaultClientRequestObservationConvention()))).isTrue();
	}

	@Test
	void shouldRecordHttpClientRequestsNamedByTheConvention() {
		stubOk();
		TestObservationRegistry registry = TestObservationRegistry.create();
		builder().observationRegistry(registry)
			.clientRequestObservationConvention(new DefaultClientRequestObservationConvention("custom.http"))
			.build()
			.create(DefaultReactiveMessagesClientTests.hello());
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("custom.http")
			.that()
			.hasBeenStopped()
			.hasParentObservationContextMatching((parent) -> parent.getName().startsWith("gen_ai"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void shouldSendTheDefaultHeadersAndCookiesOfTheBuilderOnBothPaths(Transport transport) {
		stubOk();
		WebClient.Builder webClientBuilder = WebClient.builder()
			.defaultHeader("X-Team", "search")
			.defaultHeader("Accept", "text/plain")
			.defaultCookie("session", "abc");
		transport.configure(builder(), webClientBuilder).build().create(DefaultReactiveMessagesClientTests.hello());
		// a default header never replaces one the call sets
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Team", equalTo("search"))
			.withHeader("Accept", equalTo("application/json"))
			.withCookie("session", equalTo("abc")));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void shouldGetAnyPathAndQueryOnTheSameTransport(Transport transport) {
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).withQueryParam("id", equalTo("gen 1&2"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"data\":{\"id\":\"gen 1&2\",\"total_cost\":0.25}}")));
		DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) transport.configure(builder())
			.buildReactive();
		Map<?, ?> answer = client.get("/generation", Map.of("id", "gen 1&2"), Map.class).block(Duration.ofSeconds(30));
		assertThat(answer.get("data")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("total_cost", 0.25);
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v1/generation"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withoutHeader("Content-Type"));
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/key")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":401,\"message\":\"No auth credentials found\"}}")));
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> client.get("/key", Map.of(), Map.class).block(Duration.ofSeconds(30)));
	}

	private static ObservationRegistry observing() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		return registry;
	}

	@Test
	void shouldLeaveTheGivenWebClientBuilderUnchanged() {
		WebClient.Builder webClientBuilder = WebClient.builder().defaultHeader("X-Team", "search");
		assertThat(throughWebClient(builder().webClientBuilder(webClientBuilder).observationRegistry(observing())
			.clientRequestObservationConvention(new DefaultClientRequestObservationConvention()))).isTrue();
		AtomicInteger filters = new AtomicInteger(-1);
		AtomicInteger headers = new AtomicInteger(-1);
		webClientBuilder.filters((list) -> filters.set(list.size()))
			.defaultHeaders((values) -> headers.set(values.size()));
		assertThat(filters).hasValue(0);
		assertThat(headers).hasValue(1);
	}

	@Test
	void shouldSendThroughTheFiltersOfTheGivenBuilder() {
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
	void shouldCutAnOversizedErrorBodyAndKeepWorking(Transport transport) {
		String oversized = "x".repeat(HttpExchange.MAX_ERROR_BODY_BYTES + 1);
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "text/plain")
			.withBody(oversized)));
		MessagesClient client = transport.configure(builder()).build();
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThatExceptionOfType(ServerException.class)
				.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello()))
				.satisfies((ex) -> {
					assertThat(ex.statusCode()).isEqualTo(500);
					// read up to the bound, the rest cancelled (closing the connection)
					assertThat(ex.rawBody()).hasSize(HttpExchange.MAX_ERROR_BODY_BYTES);
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
		assertThat(headers(viaWebClient)).containsEntry("x-from-filter", List.of("yes"));
		Map<String, List<String>> headers = headers(viaWebClient);
		assertThat(headers).containsEntry("authorization", List.of("Bearer " + API_KEY))
			.containsKeys("content-type", "accept", "content-length", "http-referer", "x-openrouter-title",
					"x-openrouter-categories", "x-openrouter-metadata", "x-session-id", "x-per-call", "x-custom");
		headers.remove("x-from-filter");
		for (Transport direct : List.of(Transport.CONNECTOR, Transport.GIVEN_CONNECTOR)) {
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
	 * The ways a call can go out.
	 */
	enum Transport {

		/** Through WebClient (the builder has a filter, which marks the request) over the client's own connector. */
		WEB_CLIENT,

		/** Straight to the client's own Reactor Netty connector. */
		CONNECTOR,

		/** Straight to a connector given to the builder. */
		GIVEN_CONNECTOR;

		MessagesClientBuilder configure(MessagesClientBuilder builder) {
			return configure(builder, WebClient.builder());
		}

		MessagesClientBuilder configure(MessagesClientBuilder builder, WebClient.Builder webClientBuilder) {
			return switch (this) {
				case WEB_CLIENT -> builder.webClientBuilder(webClientBuilder.filter((request, next) -> next
					.exchange(ClientRequest.from(request).header("X-From-Filter", "yes").build())));
				case CONNECTOR -> builder.webClientBuilder(webClientBuilder);
				case GIVEN_CONNECTOR -> builder.webClientBuilder(webClientBuilder)
					.clientConnector(new ReactorClientHttpConnector(HttpClient.create()));
			};
		}

	}

}
