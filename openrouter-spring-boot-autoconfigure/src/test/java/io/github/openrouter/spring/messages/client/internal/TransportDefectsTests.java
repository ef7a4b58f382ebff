package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The defects of issue 14 on the client side and its security points, each through the public
 * client; each of these failed (or hung) on the private runtime it replaced. Defects 2 and 9 (the
 * idle clock and a buffer racing it) are proven by {@link IdleTimeoutTests}.
 */
class TransportDefectsTests {

	private static final String PATH = DefaultReactiveMessagesClientTests.PATH;

	private static final Duration BOUND = Duration.ofSeconds(20);

	@RegisterExtension
	static WireMockExtension wireMock = DefaultReactiveMessagesClientTests.loopbackWireMock();

	private static MessagesClientBuilder builder() {
		return DefaultReactiveMessagesClientTests.builderFor(wireMock);
	}

	private static void stubStream() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(DefaultReactiveMessagesClientTests
				.fixture("synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse"))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Retry-After:9223372036854776", "retry-after-ms:9223372036854775808" })
	void defect1AnAbsurdRetryAfterEndsABlockingCreateAndAStreamWithATypedException(String header) {
		String[] nameAndValue = header.split(":");
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(429)
			.withHeader(nameAndValue[0], nameAndValue[1])
			.withHeader("Content-Type", "application/json")
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")));
		MessagesClient client = builder().retryPolicy(RetryPolicy.defaults()).build();
		assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello())));
		assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> client.stream(DefaultReactiveMessagesClientTests.hello()).finalMessage()));
	}

	@Test
	void defect4AStreamAnswerWithAnUnparsableContentTypeFreesItsConnection() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "garbage")
			.withBody("event: message_start\n\n")));
		// one connection: a busy one would make the next call wait for the pool, then fail
		MessagesClient client = builder()
			.connectionPool(new ConnectionPoolSettings(1, Duration.ofSeconds(3), Duration.ofSeconds(30)))
			.build();
		for (int i = 0; i < 3; i++) {
			assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(OpenRouterDecodingException.class)
				.isThrownBy(() -> client.reactive()
					.stream(DefaultReactiveMessagesClientTests.hello())
					.collectList()
					.block(BOUND))
				.withMessageContaining("garbage"));
		}
	}

	@Test
	void defect5ALimitStillFiresAfterReactorsSchedulersWereShutDown() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(30_000)));
		MessagesClient client = builder()
			.timeouts(new ClientTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofSeconds(5),
					Duration.ofSeconds(60)))
			.build();
		Schedulers.shutdownNow();
		assertTimeoutPreemptively(BOUND, () -> assertThatExceptionOfType(OpenRouterTimeoutException.class)
			.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello()))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.FIRST_BYTE)));
	}

	@Test
	void defect7TheBlockingStreamKeepsTheCallersContext() {
		ThreadLocal<String> tenant = new ThreadLocal<>();
		ContextRegistry.getInstance().registerThreadLocalAccessor("test.tenant", tenant::get, tenant::set,
				tenant::remove);
		Hooks.enableAutomaticContextPropagation();
		try {
			stubStream();
			AtomicReference<String> seen = new AtomicReference<>();
			MessagesClient client = builder()
				.webClientBuilder(WebClient.builder().filter((request, next) -> Mono.deferContextual((context) -> {
					seen.set(context.getOrDefault("test.tenant", "none"));
					return next.exchange(request);
				})))
				.build();
			tenant.set("acme");
			try (MessageStream stream = client.stream(DefaultReactiveMessagesClientTests.hello())) {
				assertThat(stream.finalMessage()).isNotNull();
			}
			assertThat(seen).hasValue("acme");
		}
		finally {
			Hooks.disableAutomaticContextPropagation();
			tenant.remove();
			ContextRegistry.getInstance().removeThreadLocalAccessor("test.tenant");
		}
	}

	@Test
	void defect8LimitsMeaningNoneWorkForStreamsAndCreates() {
		Duration none = Duration.ofSeconds(Long.MAX_VALUE);
		MessagesClient client = builder().timeouts(new ClientTimeouts(Duration.ofSeconds(5), none, none, none))
			.retryPolicy(RetryPolicy.defaults())
			.build();
		stubStream();
		List<StreamEvent> events = client.reactive()
			.stream(DefaultReactiveMessagesClientTests.hello(), RequestOptions.builder().timeout(none).build())
			.collectList()
			.block(BOUND);
		assertThat(events).isNotEmpty();
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(DefaultReactiveMessagesClientTests.fixture("openrouter-spec/response-200.example.json"))));
		assertThat(client.create(DefaultReactiveMessagesClientTests.hello()).id()).isEqualTo("msg_abc123");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization", "host", "Content-Length", "Transfer-Encoding", "Connection",
			"content-type", "X-Bad\r\nInjected", "X Space", "" })
	void aReservedOrMalformedPerCallHeaderNameFailsBeforeAnyIo(String name) {
		MessagesClient client = builder().build();
		RequestOptions options = RequestOptions.builder().header(name, "value").build();
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello(), options))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\r", "\n"));
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.stream(DefaultReactiveMessagesClientTests.hello(), options).finalMessage());
		wireMock.verify(0, postRequestedFor(urlEqualTo(PATH)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\r\nX-Injected: yes", "a\nb", "a\u0000b", "a\u007fb" })
	void aPerCallHeaderValueWithAControlCharacterFailsBeforeAnyIo(String value) {
		MessagesClient client = builder().build();
		RequestOptions options = RequestOptions.builder().header("X-Tenant", value).build();
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello(), options))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("headers.X-Tenant"));
		wireMock.verify(0, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void aSessionIdWithAControlCharacterFailsBeforeAnyIo() {
		MessagesClient client = builder().build();
		RequestOptions options = RequestOptions.builder().sessionId("s\r\nX-Injected: yes").build();
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.create(DefaultReactiveMessagesClientTests.hello(), options))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("headers.x-session-id"));
		wireMock.verify(0, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void theBaseUrlIsCheckedWhenTheClientIsBuilt() {
		MessagesClientBuilder builder = builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.baseUrl("http://api.example.com/v1").build())
			.withMessageContaining("clear text")
			.withMessageContaining("allowInsecureHttp");
		assertThat(builder.baseUrl("http://api.example.com/v1").allowInsecureHttp(true).build()).isNotNull();
		for (String loopback : List.of("http://localhost:8080/api", "http://127.0.0.9/api", "http://[::1]:1/api")) {
			assertThat(builder().baseUrl(loopback).build()).as(loopback).isNotNull();
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder().baseUrl("https://user:s3cret@openrouter.ai/api/v1").build())
			.withMessageContaining("user-info")
			.withMessageNotContaining("s3cret");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().baseUrl("https://openrouter.ai/api/v1?x=1").build())
			.withMessageContaining("query");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().baseUrl("https://openrouter.ai/api/v1#top").build())
			.withMessageContaining("fragment");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().baseUrl("ftp://openrouter.ai/api").build())
			.withMessageContaining("http(s)");
	}

}
