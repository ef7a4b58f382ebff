package io.github.openrouter.spring.messages.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.error.BadRequestException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.error.ServerException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DefaultReactiveMessagesClient} and {@link DefaultMessagesClient} against WireMock.
 */
class DefaultReactiveMessagesClientTests {

	static final String API_KEY = "sk-or-v1-test-0123456789abcdef0123456789abcdef";

	static final String PATH = "/api/v1/messages";

	@RegisterExtension
	static WireMockExtension wireMock = loopbackWireMock();

	static MessagesClientBuilder builder() {
		return builderFor(wireMock);
	}

	/**
	 * Returns a WireMock extension on a free loopback port, for the client tests of this package.
	 * @return the extension, to register
	 */
	static WireMockExtension loopbackWireMock() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
	}

	/**
	 * Returns a builder of a client for a WireMock server, with the test key and no retries.
	 * @param wireMock the server
	 * @return the builder
	 */
	static MessagesClientBuilder builderFor(WireMockExtension wireMock) {
		return MessagesClient.builder()
			.apiKey(API_KEY)
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/api/v1")
			.retryPolicy(RetryPolicy.none());
	}

	/**
	 * Answers the first attempt with {@code firstAttempt} and every later one with {@code success}.
	 */
	private static void stubFirstAttemptThenSuccess(ResponseDefinitionBuilder firstAttempt,
			ResponseDefinitionBuilder success) {
		wireMock.stubFor(post(PATH).inScenario("first-attempt-fails")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(firstAttempt)
			.willSetStateTo("retried"));
		wireMock.stubFor(post(PATH).inScenario("first-attempt-fails").whenScenarioStateIs("retried").willReturn(success));
	}

	private static ResponseDefinitionBuilder successResponse() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("openrouter-spec/response-200.example.json"));
	}

	static String fixture(String name) {
		try (InputStream in = DefaultReactiveMessagesClientTests.class.getClassLoader()
			.getResourceAsStream("fixtures/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void stubOk() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Generation-Id", "gen-123")
			.withBody(fixture("openrouter-spec/response-200.example.json"))));
	}

	static MessageRequest hello() {
		return MessageRequest.builder().model("anthropic/claude-sonnet-4").maxTokens(1024).addUserMessage("Hello").build();
	}

	@Test
	void shouldSendExactJsonAndHeadersAndReadResponse() {
		stubOk();
		MessagesClient client = builder().appReferer("https://example.com/app")
			.appTitle("Example App")
			.appCategories(List.of("chat", "coding"))
			.defaultHeader("X-Custom", "yes")
			.build();
		MessageResponse response = client.create(hello());
		assertThat(response.id()).isEqualTo("msg_abc123");
		assertThat(response.text()).isEqualTo("I'm doing well, thank you for asking! How can I help you today?");
		assertThat(response.generationId()).isEqualTo("gen-123");
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("HTTP-Referer", equalTo("https://example.com/app"))
			.withHeader("X-OpenRouter-Title", equalTo("Example App"))
			.withHeader("X-OpenRouter-Categories", equalTo("chat,coding"))
			.withHeader("X-Custom", equalTo("yes"))
			.withHeader("X-OpenRouter-Metadata", absent())
			.withHeader("x-session-id", absent())
			.withRequestBody(equalToJson("{\"model\":\"anthropic/claude-sonnet-4\",\"max_tokens\":1024,"
					+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")));
	}

	@Test
	void shouldMergeClientDefaultsIntoRequestsThatOmitThem() {
		stubOk();
		MessagesClient client = builder().defaultModel("anthropic/claude-sonnet-4")
			.fallbackModels(List.of("openai/gpt-4o", "google/gemini-2.5-pro"))
			.providerPreferences(ProviderPreferences.builder().order(List.of("anthropic")).allowFallbacks(false).build())
			.routingMetadata(true)
			.build();
		client.create(MessageRequest.builder().addUserMessage("Hi").build());
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-OpenRouter-Metadata", equalTo("enabled"))
			.withRequestBody(equalToJson("{\"model\":\"anthropic/claude-sonnet-4\","
					+ "\"models\":[\"openai/gpt-4o\",\"google/gemini-2.5-pro\"],"
					+ "\"provider\":{\"order\":[\"anthropic\"],\"allow_fallbacks\":false},"
					+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));
	}

	@Test
	void perCallValuesShouldWinOverClientDefaults() {
		stubOk();
		MessagesClient client = builder().defaultModel("anthropic/claude-sonnet-4")
			.fallbackModels(List.of("openai/gpt-4o"))
			.providerPreferences(ProviderPreferences.builder().order(List.of("anthropic")).build())
			.routingMetadata(true)
			.defaultHeader("X-Custom", "client")
			.build();
		MessageRequest request = MessageRequest.builder()
			.model("meta-llama/llama-3.3-70b-instruct")
			.addFallback("mistralai/mistral-large")
			.provider(ProviderPreferences.builder().zdr(true).build())
			.addUserMessage("Hi")
			.build();
		client.create(request, RequestOptions.builder()
			.routingMetadata(false)
			.sessionId("session-42")
			.header("X-Custom", "call")
			.build());
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-OpenRouter-Metadata", absent())
			.withHeader("x-session-id", equalTo("session-42"))
			.withHeader("X-Custom", equalTo("call"))
			.withRequestBody(equalToJson("{\"model\":\"meta-llama/llama-3.3-70b-instruct\","
					+ "\"fallbacks\":[{\"model\":\"mistralai/mistral-large\"}],\"provider\":{\"zdr\":true},"
					+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));
	}

	@Test
	void shouldEnableMetadataPerCallAndKeepRequestModels() {
		stubOk();
		MessagesClient client = builder().fallbackModels(List.of("openai/gpt-4o")).build();
		client.create(hello().toBuilder().models("x/a", "x/b").build(),
				RequestOptions.builder().routingMetadata(true).build());
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-OpenRouter-Metadata", equalTo("enabled"))
			.withRequestBody(equalToJson("{\"model\":\"anthropic/claude-sonnet-4\",\"max_tokens\":1024,"
					+ "\"models\":[\"x/a\",\"x/b\"],\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")));
	}

	@Test
	void shouldNeverSendStreamFlagOnCreate() {
		stubOk();
		builder().build().create(hello().toBuilder().stream(true).build());
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"model\":\"anthropic/claude-sonnet-4\","
				+ "\"max_tokens\":1024,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}")));
	}

	@Test
	void shouldRejectAuthorizationOverrideBeforeSending() {
		stubOk();
		MessagesClient client = builder().build();
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.create(hello(), RequestOptions.builder().header("authorization", "Bearer other").build()))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("headers.Authorization"));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void shouldMapErrorStatusEndToEnd() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("Retry-After", "7")
			.withBody(fixture("openrouter-spec/error-429.example.json"))));
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> builder().build().create(hello()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(429);
				assertThat(ex.errorType()).isEqualTo("rate_limit_error");
				assertThat(ex.requestId()).isEqualTo("gen-xxxxxxxxxxxxxxxxxxxxxxxx");
				assertThat(ex.retryAfter()).contains(Duration.ofSeconds(7));
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getMessage()).doesNotContain(API_KEY);
			});
	}

	@Test
	void shouldRemoveAKeyOfAnyFormatThatAnErrorBodyEchoes() {
		String proxyKey = "corp-proxy-token-4242";
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
					+ "\"message\":\"key " + proxyKey + " is disabled\"}}")));
		MessagesClient client = builder().apiKey(proxyKey).build();
		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> {
				assertThat(ex.errorMessage()).isEqualTo("key [REDACTED] is disabled");
				assertThat(ex.rawBody()).doesNotContain(proxyKey);
				assertThat(ex.getMessage()).doesNotContain(proxyKey);
				assertThat(ex.toString()).doesNotContain(proxyKey);
			});
	}

	@Test
	void shouldMapAuthenticationErrorWithoutLeakingKey() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("openrouter-spec/error-401.example.json"))));
		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> builder().build().create(hello()))
			.satisfies((ex) -> {
				assertThat(ex.errorMessage()).isEqualTo("Invalid API key");
				assertThat(ex.toString()).doesNotContain(API_KEY);
				assertThat(ex.headers().containsHeader("Authorization")).isFalse();
			});
	}

	@Test
	void shouldMapHtmlErrorPage() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>")));
		assertThatExceptionOfType(ServerException.class)
			.isThrownBy(() -> builder().build().create(hello()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(502);
				assertThat(ex.errorType()).isNull();
				assertThat(ex.errorMessage()).contains("502 Bad Gateway");
				assertThat(ex.rawBody()).startsWith("<html>");
			});
	}

	@Test
	void shouldFailWithDecodingExceptionOnMalformedJson() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"msg_1\",\"content\":[")));
		assertThatExceptionOfType(OpenRouterDecodingException.class)
			.isThrownBy(() -> builder().build().create(hello()))
			.withMessageContaining("Malformed JSON");
	}

	@Test
	void shouldFailWithDecodingExceptionOnEmpty2xxBody() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));
		assertThatExceptionOfType(OpenRouterDecodingException.class)
			.isThrownBy(() -> builder().build().create(hello()))
			.withMessageContaining("Empty body");
	}

	@Test
	void shouldFailWithTransportExceptionWhenConnectionRefused() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		MessagesClient client = MessagesClient.builder()
			.apiKey(API_KEY)
			.baseUrl("http://127.0.0.1:" + port + "/api/v1")
			.retryPolicy(RetryPolicy.none())
			.build();
		assertThatExceptionOfType(OpenRouterTransportException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getMessage()).doesNotContain(API_KEY);
			});
	}

	@Test
	void shouldTripFirstByteTimeout() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withFixedDelay(3000)
			.withBody(fixture("openrouter-spec/response-200.example.json"))));
		MessagesClient client = builder().timeouts(new ClientTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200),
				Duration.ofSeconds(5), Duration.ofSeconds(30)))
			.build();
		assertThatExceptionOfType(OpenRouterTimeoutException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.FIRST_BYTE));
	}

	@Test
	void shouldTripTotalTimeoutFromOptions() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withFixedDelay(3000)
			.withBody(fixture("openrouter-spec/response-200.example.json"))));
		MessagesClient client = builder().build();
		assertThatExceptionOfType(OpenRouterTimeoutException.class)
			.isThrownBy(() -> client.create(hello(), RequestOptions.builder().timeout(Duration.ofMillis(200)).build()))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.TOTAL));
	}

	@Test
	void shouldTripIdleTimeoutWhileReadingBody() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(fixture("openrouter-spec/response-200.example.json"))
			.withChunkedDribbleDelay(4, 3000)));
		MessagesClient client = builder().timeouts(new ClientTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
				Duration.ofMillis(200), Duration.ofSeconds(30)))
			.build();
		assertThatExceptionOfType(OpenRouterTimeoutException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.STREAM_IDLE));
	}

	@Test
	void blockingClientShouldRefuseNonBlockingThread() {
		MessagesClient client = builder().build();
		Mono<MessageResponse> onParallel = Mono.fromCallable(() -> client.create(hello()))
			.subscribeOn(Schedulers.parallel());
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(onParallel::block)
			.withMessageContaining("non-blocking")
			.withMessageContaining("reactive()");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void reactiveClientShouldSendNothingUntilSubscribed() {
		stubOk();
		ReactiveMessagesClient client = builder().buildReactive();
		Mono<MessageResponse> call = client.create(hello());
		assertThat(wireMock.getAllServeEvents()).isEmpty();
		assertThat(call.block().generationId()).isEqualTo("gen-123");
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
	}

	@Test
	void shouldRetry429ThenSucceed() {
		stubFirstAttemptThenSuccess(aResponse().withStatus(429)
			.withHeader("Retry-After", "0")
			.withBody(fixture("openrouter-spec/error-429.example.json")), successResponse());
		MessagesClient client = builder().retryPolicy(fastRetries(3)).build();
		assertThat(client.create(hello()).id()).isEqualTo("msg_abc123");
		wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldRetry503WithRetryAfterThenSucceed() {
		stubFirstAttemptThenSuccess(aResponse().withStatus(503)
			.withHeader("Retry-After", "0")
			.withBody(fixture("openrouter-spec/error-503.example.json")),
				successResponse().withHeader("X-Generation-Id", "gen-after-retry"));
		MessagesClient client = builder().retryPolicy(fastRetries(3)).build();
		assertThat(client.create(hello()).generationId()).isEqualTo("gen-after-retry");
		wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldRetryWhenAvailabilitySaysRetryableAndNotWhenItSaysNo() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(503)
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"no\","
					+ "\"availability\":{\"code\":\"region_restricted\",\"retryable\":false}},\"request_id\":null}")));
		MessagesClient client = builder().retryPolicy(fastRetries(4)).build();
		assertThatExceptionOfType(ServerException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldNotRetryCreateWhenConnectionDiesDuringBody() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK)));
		MessagesClient client = builder().retryPolicy(fastRetries(3)).build();
		assertThatExceptionOfType(OpenRouterTransportException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).startsWith("Connection failed while reading the response body");
			});
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldRetryCreateWhenConnectionResetBeforeResponse() {
		stubFirstAttemptThenSuccess(
				aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
				successResponse());
		MessagesClient client = builder().retryPolicy(fastRetries(3)).build();
		assertThat(client.create(hello()).id()).isEqualTo("msg_abc123");
		wireMock.verify(2, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldGiveUpAfterMaxAttemptsOn529() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(529)
			.withBody(fixture("openrouter-spec/error-529.example.json"))));
		MessagesClient client = builder().retryPolicy(fastRetries(4)).build();
		assertThatExceptionOfType(ServerException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(529));
		wireMock.verify(4, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldNeverRetry400() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
			.withBody(fixture("openrouter-spec/error-400.example.json"))));
		MessagesClient client = builder().retryPolicy(fastRetries(4)).build();
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> client.create(hello()));
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void shouldNotRetryWhenRetryAfterExceedsCap() {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(503)
			.withHeader("Retry-After", "120")
			.withBody(fixture("openrouter-spec/error-503.example.json"))));
		MessagesClient client = builder().retryPolicy(fastRetries(4)).build();
		assertThatExceptionOfType(ServerException.class).isThrownBy(() -> client.create(hello()))
			.satisfies((ex) -> assertThat(ex.retryAfter()).contains(Duration.ofSeconds(120)));
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	static RetryPolicy fastRetries(int attempts) {
		return new RetryPolicy(attempts, Duration.ofMillis(1), Duration.ofMillis(5), 2.0, 0.0, Duration.ofSeconds(60));
	}

}
