package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the client's own connection pool ({@link ConnectionPoolSettings}) and for a Reactor
 * Netty client given to the builder.
 */
class ConnectionPoolTests {

	private static final String PATH = DefaultReactiveMessagesClientTests.PATH;

	@RegisterExtension
	static WireMockExtension wireMock = DefaultReactiveMessagesClientTests.loopbackWireMock();

	private static MessagesClientBuilder builder() {
		return DefaultReactiveMessagesClientTests.builderFor(wireMock);
	}

	private static void stubOk(int delayMillis) {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withFixedDelay(delayMillis)
			.withHeader("Content-Type", "application/json")
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/response-200.example.json"))));
	}

	@Test
	void callsBeyondThePoolShouldWaitForAConnectionInsteadOfBeingRefused() {
		// Reactor Netty's default queue holds twice the pool: 40 calls over 2 connections overflowed it
		stubOk(20);
		ReactiveMessagesClient client = builder()
			.connectionPool(new ConnectionPoolSettings(2, Duration.ofSeconds(30), Duration.ofSeconds(30)))
			.buildReactive();
		List<MessageResponse> responses = Flux.range(0, 40)
			.flatMap((i) -> client.create(DefaultReactiveMessagesClientTests.hello()), 40)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(responses).hasSize(40).allSatisfy((response) -> assertThat(response.id()).isEqualTo("msg_abc123"));
	}

	@Test
	void aCallThatFindsNoFreeConnectionInTimeShouldFailNamingTheSetting() {
		stubOk(10_000);
		ReactiveMessagesClient client = builder()
			.connectionPool(new ConnectionPoolSettings(1, Duration.ofMillis(200), Duration.ofSeconds(30)))
			.buildReactive();
		Disposable holder = client.create(DefaultReactiveMessagesClientTests.hello()).subscribe();
		try {
			// the first call holds the only connection once the server has its request
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !wireMock.findAll(postRequestedFor(urlEqualTo(PATH))).isEmpty());
			assertThatExceptionOfType(OpenRouterTransportException.class)
				.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello()).block(Duration.ofSeconds(30)))
				.withMessageContaining("No free connection in the connection pool")
				.withMessageContaining("openrouter.http.pending-acquire-timeout")
				.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		}
		finally {
			holder.dispose();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void shouldSendThroughAGivenConnectorAsItIs(boolean throughWebClient) {
		stubOk(0);
		HttpClient httpClient = HttpClient.create().headers((headers) -> headers.set("X-From-Http-Client", "yes"));
		MessagesClientBuilder builder = builder().clientConnector(new ReactorClientHttpConnector(httpClient));
		if (throughWebClient) {
			builder.webClientBuilder(WebClient.builder().filter((request, next) -> next.exchange(request)));
		}
		MessagesClient client = builder.build();
		assertThat(((DefaultReactiveMessagesClient) client.reactive()).throughWebClient()).isEqualTo(throughWebClient);
		assertThat(client.create(DefaultReactiveMessagesClientTests.hello()).id()).isEqualTo("msg_abc123");
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-From-Http-Client", equalTo("yes"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Authorization", equalTo("Bearer " + DefaultReactiveMessagesClientTests.API_KEY)));
	}

	@Test
	void poolSettingsShouldNameTheValueOutOfRange() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionPoolSettings(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
			.withMessageContaining("maxConnections");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionPoolSettings(1, Duration.ZERO, Duration.ofSeconds(1)))
			.withMessageContaining("pendingAcquireTimeout");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionPoolSettings(1, Duration.ofSeconds(1), Duration.ofSeconds(-1)))
			.withMessageContaining("maxIdleTime");
	}

}
