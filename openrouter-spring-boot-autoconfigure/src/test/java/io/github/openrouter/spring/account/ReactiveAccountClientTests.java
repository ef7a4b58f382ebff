package io.github.openrouter.spring.account;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.error.internal.ErrorMapper;
import io.github.openrouter.spring.messages.error.NotFoundException;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.PaymentRequiredException;
import io.github.openrouter.spring.messages.error.PermissionDeniedException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.error.ServerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ReactiveAccountClient} and {@link AccountClient} against WireMock, with the
 * answers of OpenRouter's OpenAPI document.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReactiveAccountClientTests {

	static final String API_KEY = "sk-or-v1-account-test-0123456789abcdef0123456789";

	static final String MANAGEMENT_KEY = "sk-or-v1-management-test-0123456789abcdef0123";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	/** Messages clients that the tests built, each with a connection pool of its own. */
	private final List<DefaultReactiveMessagesClient> messagesClients = new ArrayList<>();

	private final ReactiveAccountClient client = ReactiveAccountClient.create(messagesClient(API_KEY),
			messagesClient(MANAGEMENT_KEY));

	/**
	 * Returns a messages client on WireMock with the given key, without retries: each error status
	 * is answered once.
	 */
	private ReactiveMessagesClient messagesClient(String apiKey) {
		DefaultReactiveMessagesClient messages = (DefaultReactiveMessagesClient) MessagesClient.builder()
			.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/api/v1")
			.apiKey(apiKey)
			.retryPolicy(RetryPolicy.none())
			.buildReactive();
		this.messagesClients.add(messages);
		return messages;
	}

	@AfterEach
	void closeMessagesClients() {
		this.messagesClients.forEach(DefaultReactiveMessagesClient::close);
	}

	@Test
	void shouldReadEveryFieldOfTheKey() {
		String answer = AccountSpec.example("/key", 200);
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson(answer)));

		KeyInfo key = this.client.key().block();

		assertThat(key).isNotNull();
		assertThat(AccountSpec.holdsEveryValue(answer, key)).isTrue();
		assertThat(key.label()).isEqualTo("sk-or-v1-au7...890");
		assertThat(key.limit()).isEqualByComparingTo("100");
		assertThat(key.limitRemaining()).isEqualByComparingTo("74.5");
		assertThat(key.limitReset()).isEqualTo("monthly");
		assertThat(key.usageWeekly()).isEqualByComparingTo("25.5");
		assertThat(key.byokUsageMonthly()).isEqualByComparingTo("17.38");
		assertThat(key.expiresAt()).isEqualTo(OffsetDateTime.parse("2027-12-31T23:59:59Z"));
		assertThat(key.rateLimit()).isEqualTo(new KeyInfo.RateLimit(1000, "1h",
				"This field is deprecated and safe to ignore."));
		assertThat(key.hasLimit()).isTrue();
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v1/key")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer " + API_KEY)));
	}

	@Test
	void shouldReadAKeyWithoutLimitOrExpiryAsNulls() {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson("""
				{"data":{"label":"backend","limit":null,"limit_remaining":null,"limit_reset":null,"usage":0,
				"usage_daily":0,"usage_weekly":0,"usage_monthly":0,"byok_usage":0,"byok_usage_daily":0,
				"byok_usage_weekly":0,"byok_usage_monthly":0,"include_byok_in_limit":false,"is_free_tier":true,
				"is_management_key":false,"is_provisioning_key":false,"expires_at":null,"creator_user_id":null,
				"rate_limit":null}}""")));

		KeyInfo key = this.client.key().block();

		assertThat(key).isNotNull();
		assertThat(key.hasLimit()).isFalse();
		assertThat(key.limit()).isNull();
		assertThat(key.limitRemaining()).isNull();
		assertThat(key.limitReset()).isNull();
		assertThat(key.expiresAt()).isNull();
		assertThat(key.creatorUserId()).isNull();
		assertThat(key.rateLimit()).isNull();
		assertThat(key.freeTier()).isTrue();
		assertThat(key.usage()).isEqualByComparingTo(BigDecimal.ZERO);
	}

	@Test
	void shouldReadEveryFieldOfTheSpecExampleGeneration() {
		String answer = AccountSpec.example("/generation", 200);
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).willReturn(okJson(answer)));

		Generation generation = this.client.generation("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG").block();

		assertThat(generation).isNotNull();
		assertThat(AccountSpec.holdsEveryValue(answer, generation)).isTrue();
		assertThat(generation.providerResponses()).isNull();
		assertThat(generation.cacheDiscount()).isNull();
		assertThat(generation.totalCost()).isEqualByComparingTo("0.0015");
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v1/generation"))
			.withQueryParam("id", equalTo("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + API_KEY)));
	}

	@Test
	void shouldReadEveryProviderAttemptOfAGeneration() {
		String answer = AccountSpec.resource("fixtures/account/generation-with-fallback.json");
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).willReturn(okJson(answer)));

		Generation generation = this.client.generation("gen-fallback-0001").block();

		assertThat(generation).isNotNull();
		assertThat(AccountSpec.holdsEveryValue(answer, generation)).isTrue();
		assertThat(generation.providerResponses()).extracting(ProviderResponse::providerName,
				ProviderResponse::status, ProviderResponse::latency)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Anthropic", 529, 812.5),
					org.assertj.core.groups.Tuple.tuple("Amazon Bedrock", 200, 1430.0));
		assertThat(generation.providerResponses().get(0).routedServiceTier()).isNull();
		assertThat(generation.nativeTokensCached()).isEqualTo(1024L);
		assertThat(generation.cacheDiscount()).isEqualByComparingTo("-0.000312");
		assertThat(generation.router()).isNull();
		assertThat(generation.moderationLatency()).isNull();
		assertThat(generation.byok()).isTrue();
	}

	@Test
	void shouldEncodeTheGenerationIdAsOneQueryParameter() {
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation"))
			.willReturn(okJson(AccountSpec.example("/generation", 200))));

		this.client.generation("gen a&b=c/d").block();

		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v1/generation")).withQueryParam("id",
				equalTo("gen a&b=c/d")));
	}

	@Test
	void shouldRefuseABlankGenerationIdWithoutACall() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.generation(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.awaitGeneration("gen-1", Duration.ZERO));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void shouldReadTheCreditsWithTheManagementKey() {
		wireMock.stubFor(get("/api/v1/credits").willReturn(okJson(AccountSpec.example("/credits", 200))));

		Credits credits = this.client.credits().block();

		assertThat(credits).isNotNull();
		assertThat(credits.totalCredits()).isEqualByComparingTo("100.5");
		assertThat(credits.totalUsage()).isEqualByComparingTo("25.75");
		assertThat(credits.remaining()).isEqualByComparingTo("74.75");
		assertThat(this.client.hasManagementKey()).isTrue();
		wireMock.verify(getRequestedFor(urlPathEqualTo("/api/v1/credits")).withHeader(HttpHeaders.AUTHORIZATION,
				equalTo("Bearer " + MANAGEMENT_KEY)));
	}

	@Test
	void shouldRefuseCreditsWithoutAManagementKeyWithoutACall() {
		ReactiveAccountClient withoutManagementKey = ReactiveAccountClient.create(messagesClient(API_KEY));

		assertThat(withoutManagementKey.hasManagementKey()).isFalse();
		StepVerifier.create(withoutManagementKey.credits())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("management key"))
			.verify(Duration.ofSeconds(5));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void shouldRefuseAMessagesClientThatTheBuilderDidNotBuild() {
		ReactiveMessagesClient own = mock(ReactiveMessagesClient.class);

		assertThatIllegalArgumentException().isThrownBy(() -> ReactiveAccountClient.create(own))
			.withMessageContaining("MessagesClientBuilder");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReactiveAccountClient.create(messagesClient(API_KEY), own));
	}

	static Stream<Arguments> errorAnswers() {
		return Stream.of(Arguments.of("/key", 401, AuthenticationException.class),
				Arguments.of("/key", 500, ServerException.class),
				Arguments.of("/credits", 401, AuthenticationException.class),
				Arguments.of("/credits", 403, PermissionDeniedException.class),
				Arguments.of("/credits", 500, ServerException.class),
				Arguments.of("/generation", 401, AuthenticationException.class),
				Arguments.of("/generation", 402, PaymentRequiredException.class),
				Arguments.of("/generation", 404, NotFoundException.class),
				Arguments.of("/generation", 429, RateLimitException.class),
				Arguments.of("/generation", 500, ServerException.class),
				Arguments.of("/generation", 502, ServerException.class),
				Arguments.of("/generation", 524, ServerException.class),
				Arguments.of("/generation", 529, ServerException.class));
	}

	@ParameterizedTest(name = "{1} from {0}")
	@MethodSource("errorAnswers")
	void shouldMapEachErrorStatusOfTheSpec(String path, int status, Class<? extends OpenRouterApiException> type,
			CapturedOutput output) {
		String body = AccountSpec.example(path, status);
		wireMock.stubFor(get(urlPathEqualTo("/api/v1" + path))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));

		Mono<?> call = switch (path) {
			case "/key" -> this.client.key();
			case "/credits" -> this.client.credits();
			default -> this.client.generation("gen-1");
		};

		assertThatThrownBy(call::block).isInstanceOf(type)
			.isExactlyInstanceOf(ErrorMapper.map(status, new HttpHeaders(), body.getBytes()).getClass())
			.satisfies((ex) -> {
				OpenRouterApiException api = (OpenRouterApiException) ex;
				assertThat(api.statusCode()).isEqualTo(status);
				assertThat(api.errorMessage())
					.isEqualTo(AccountSpec.MAPPER.readTree(body).at("/error/message").asString());
				assertNoKey(ex);
			});
		assertThat(output.getAll()).doesNotContain(API_KEY).doesNotContain(MANAGEMENT_KEY);
	}

	@Test
	void shouldKeepTheKeysOutOfAnErrorThatEchoesThem(CapturedOutput output) {
		wireMock.stubFor(get("/api/v1/key").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":401,\"message\":\"Invalid key " + API_KEY + " (Bearer " + API_KEY
					+ ")\"}}")));
		// a management key in no known format: only the transport's redaction of its own key can hide it
		String opaqueKey = "opaque-management-key-0123456789";
		wireMock.stubFor(get("/api/v1/credits").willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":403,\"message\":\"Not a management key: " + opaqueKey + "\"}}")));
		ReactiveAccountClient opaque = ReactiveAccountClient.create(messagesClient(API_KEY), messagesClient(opaqueKey));

		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> this.client.key().block())
			.satisfies(ReactiveAccountClientTests::assertNoKey);
		assertThatExceptionOfType(PermissionDeniedException.class).isThrownBy(() -> opaque.credits().block())
			.satisfies((ex) -> assertThat(ex.getMessage() + ((OpenRouterApiException) ex).rawBody())
				.contains("Not a management key")
				.doesNotContain(opaqueKey));
		assertThat(output.getAll()).doesNotContain(API_KEY).doesNotContain(opaqueKey);
		assertThat(this.client.toString()).doesNotContain(API_KEY).doesNotContain(MANAGEMENT_KEY);
		assertThat(opaque.toString()).doesNotContain(opaqueKey);
		assertThat(AccountClient.of(this.client).toString()).doesNotContain(API_KEY).doesNotContain(MANAGEMENT_KEY);
	}

	@Test
	void shouldFailWithADecodingErrorOnAnUnreadableAnswer() {
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson("{\"data\":{\"label\":\"x\"")));
		wireMock.stubFor(get("/api/v1/credits").willReturn(okJson("{\"data\":{\"total_credits\":1}}")));
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).willReturn(okJson("{\"error\":null}")));

		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> this.client.key().block())
			.withMessageContaining("GET /api/v1/key");
		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> this.client.credits().block())
			.withStackTraceContaining("'total_usage' is missing");
		assertThatExceptionOfType(OpenRouterDecodingException.class)
			.isThrownBy(() -> this.client.generation("gen-1").block())
			.withMessageContaining("GET /api/v1/generation");
	}

	@Test
	void shouldKeepTheKeysOutOfADecodingErrorOfA2xxAnswerThatEchoesThem() {
		// keys in no known format, echoed as bare tokens: Jackson quotes such a token in its message
		String opaqueApiKey = "opaqueApiKey0123456789abcdef";
		String opaqueManagementKey = "opaqueManagementKey0123456789";
		wireMock.stubFor(get("/api/v1/key").willReturn(okJson("{\"data\":{\"label\":" + opaqueApiKey + "}}")));
		wireMock.stubFor(
				get("/api/v1/credits").willReturn(okJson("{\"data\":{\"label\":" + opaqueManagementKey + "}}")));
		ReactiveAccountClient opaque = ReactiveAccountClient.create(messagesClient(opaqueApiKey),
				messagesClient(opaqueManagementKey));

		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> opaque.key().block())
			.withMessageContaining("GET /api/v1/key")
			.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain(opaqueApiKey));
		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> opaque.credits().block())
			.withMessageContaining("GET /api/v1/credits")
			.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain(opaqueManagementKey));
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter text = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(text));
		return text.toString();
	}

	@Test
	void shouldWaitForAGenerationThatIsNotReadableYet() {
		String notFound = AccountSpec.example("/generation", 404);
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).inScenario("lag")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(notFound))
			.willSetStateTo("still missing"));
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).inScenario("lag")
			.whenScenarioStateIs("still missing")
			.willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(notFound))
			.willSetStateTo("recorded"));
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).inScenario("lag")
			.whenScenarioStateIs("recorded")
			.willReturn(okJson(AccountSpec.example("/generation", 200))));

		Generation generation = AccountClient.of(this.client).awaitGeneration("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG");

		assertThat(generation.id()).isEqualTo("gen-3bhGkxlo4XFrqiabUM7NDtwDzWwG");
		wireMock.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/generation")));
	}

	@Test
	void shouldStopWaitingForAGenerationAtTheBoundWithTheLastNotFound() {
		List<Long> attempts = new ArrayList<>();
		Mono<Generation> notFound = Mono.defer(() -> {
			attempts.add(Schedulers.parallel().now(java.util.concurrent.TimeUnit.MILLISECONDS));
			return Mono.error(ErrorMapper.map(404, new HttpHeaders(), AccountSpec.example("/generation", 404).getBytes()));
		});

		StepVerifier.withVirtualTime(() -> DefaultReactiveAccountClient.whileNotFound(notFound, Duration.ofSeconds(3)))
			.thenAwait(Duration.ofSeconds(10))
			.expectError(NotFoundException.class)
			.verify(Duration.ofSeconds(5));

		// asked at 0, 250, 750 and 1750 ms; the next try (after 2 s more) would start past the bound
		long first = attempts.get(0);
		assertThat(attempts).map((at) -> at - first).containsExactly(0L, 250L, 750L, 1750L);
	}

	@Test
	void shouldStopWaitingForAGenerationOnAnyOtherError() {
		wireMock.stubFor(get(urlPathEqualTo("/api/v1/generation")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(AccountSpec.example("/generation", 401))));

		StepVerifier.create(this.client.awaitGeneration("gen-1")).expectError(AuthenticationException.class)
			.verify(Duration.ofSeconds(10));
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/generation")));
	}

	@Test
	void shouldRefuseToBlockANonBlockingThread() {
		AccountClient blocking = AccountClient.of(this.client);

		StepVerifier.create(Mono.fromCallable(blocking::key).subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("reactive()"))
			.verify(Duration.ofSeconds(5));
		assertThat(blocking.reactive()).isSameAs(this.client);
	}

	private static void assertNoKey(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(API_KEY).doesNotContain(MANAGEMENT_KEY);
			assertThat(cause.toString()).doesNotContain(API_KEY).doesNotContain(MANAGEMENT_KEY);
		}
		if (ex instanceof OpenRouterApiException api) {
			assertThat(api.rawBody()).doesNotContain(API_KEY);
			assertThat(api.headers().toString()).doesNotContain(API_KEY);
		}
	}

}
