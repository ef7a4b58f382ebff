package io.github.openrouter.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.PaymentRequiredException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.error.ServerException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.StreamError;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OpenRouterStub}, through the starter's own client.
 */
class OpenRouterStubTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private OpenRouterStub stub;

	private MessagesClient client;

	@BeforeEach
	void start() {
		this.stub = OpenRouterStub.start();
		this.client = client(this.stub, this.stub.apiKey(), ClientTimeouts.defaults());
	}

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void shouldAnswerWithTheDefaultTextWhenNothingIsScripted() {
		MessageResponse response = this.client.create(request("Hi there"));

		assertThat(response.text()).isEqualTo(OpenRouterStub.DEFAULT_TEXT);
		assertThat(response.model()).isEqualTo("anthropic/claude-sonnet-4.5");
		assertThat(response.provider()).isEqualTo(OpenRouterStub.DEFAULT_PROVIDER);
		assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(response.id()).startsWith("msg_stub_");
		assertThat(response.generationId()).startsWith("gen-stub-");
		// one token per four characters: "Hi there" and the default text
		assertThat(response.usage().inputTokens()).isEqualTo(2);
		assertThat(response.usage().outputTokens()).isEqualTo(8);
	}

	@Test
	void shouldAnswerTheKeyAndTheGenerationsItServed() {
		io.github.openrouter.spring.account.AccountClient account = io.github.openrouter.spring.account.AccountClient
			.of(io.github.openrouter.spring.account.ReactiveAccountClient.create(this.client.reactive()));
		assertThat(account.key().label()).isEqualTo("stub");
		assertThat(account.key().limit()).isNull();

		MessageResponse response = this.client.create(request("Hi there"));
		// the default answer reports no cost: the key's usage and the generation's cost are zero
		java.math.BigDecimal cost = java.util.Objects.requireNonNullElse(response.usage().cost(),
				java.math.BigDecimal.ZERO);
		this.stub.keyInfo((usage) -> OpenRouterStub.key("scripted", new java.math.BigDecimal("5"), usage, null));

		io.github.openrouter.spring.account.KeyInfo key = account.key();
		assertThat(key.label()).isEqualTo("scripted");
		assertThat(key.usage()).isEqualByComparingTo(cost);
		assertThat(key.limitRemaining()).isEqualByComparingTo(new java.math.BigDecimal("5").subtract(cost));
		io.github.openrouter.spring.account.Generation generation = account.generation(response.generationId());
		assertThat(generation.model()).isEqualTo(response.model());
		assertThat(generation.totalCost()).isEqualByComparingTo(cost);
		assertThat(generation.providerResponses()).singleElement()
			.satisfies((attempt) -> assertThat(attempt.providerName()).isEqualTo(response.provider()));
		assertThatExceptionOfType(io.github.openrouter.spring.messages.error.NotFoundException.class)
			.isThrownBy(() -> account.generation("gen-unknown"));
		this.stub.reset();
		assertThat(account.key().label()).isEqualTo("scripted");
	}

	@Test
	void shouldRecordTypedRequestsWithTheirHeadersAndTheAnswer() {
		MessageResponse response = this.client.create(request("What is the capital of France?"));

		RecordedRequest recorded = this.stub.lastRequest();
		assertThat(this.stub.requests()).containsExactly(recorded);
		assertThat(recorded.request().model()).isEqualTo("anthropic/claude-sonnet-4.5");
		assertThat(recorded.request().maxTokens()).isEqualTo(256);
		assertThat(StubRequests.lastUserText(recorded.request())).isEqualTo("What is the capital of France?");
		assertThat(recorded.streaming()).isFalse();
		assertThat(recorded.headers().getFirst("authorization")).isEqualTo("Bearer " + this.stub.apiKey());
		assertThat(recorded.headers().getFirst("X-OpenRouter-Title")).isEqualTo("stub tests");
		assertThat(recorded.body()).contains("\"max_tokens\":256");
		assertThat(recorded.status()).isEqualTo(200);
		assertThat(recorded.response()).isEqualTo(response);
		assertThat(recorded.awaitOutcome(WAIT)).isEqualTo(RecordedRequest.Outcome.ANSWERED);
		assertThat(recorded.toString()).doesNotContain(this.stub.apiKey());
		assertThat(this.stub.inFlight()).isZero();
	}

	@Test
	void shouldStreamTextAsDeltasAfterAKeepAliveComment() {
		String text = "The quick brown fox jumps over the lazy dog again and again";
		this.stub.enqueue(StubAnswer.text(text).keepAlive(2));

		List<StreamEvent> events = new ArrayList<>();
		MessageResponse message;
		try (MessageStream stream = this.client.stream(request("Tell me"))) {
			stream.forEach(events::add);
			message = stream.finalMessage();
		}

		assertThat(message.text()).isEqualTo(text);
		assertThat(events).noneMatch(UnknownStreamEvent.class::isInstance);
		assertThat(events).filteredOn(ContentBlockDeltaEvent.class::isInstance).hasSize(4);
		assertThat(this.stub.lastRequest().streaming()).isTrue();
		assertThat(this.stub.lastRequest().response().text()).isEqualTo(text);
	}

	@Test
	void shouldAnswerWithToolUseInBothModes() {
		this.stub.answerWhen(StubRequests.offersTool("get_weather").negate(), StubAnswer.text("no tool"));
		this.stub.enqueue(StubAnswer.toolUse("get_weather", Map.of("city", "Oslo")),
				StubAnswer.toolUse("get_weather", Map.of("city", "Bergen")));
		MessageRequest request = request("Weather?").toBuilder()
			.addTool(CustomTool.of("get_weather", "Weather",
					JsonMapper.shared().readTree("{\"type\":\"object\"}")))
			.build();

		MessageResponse created = this.client.create(request);
		MessageResponse streamed;
		try (MessageStream stream = this.client.stream(request)) {
			streamed = stream.finalMessage();
		}

		assertThat(created.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(created.content()).singleElement()
			.isInstanceOfSatisfying(ToolUseBlock.class, (toolUse) -> {
				assertThat(toolUse.name()).isEqualTo("get_weather");
				assertThat(toolUse.id()).startsWith("toolu_stub_");
				assertThat(toolUse.input().path("city").asString()).isEqualTo("Oslo");
			});
		assertThat(streamed.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(((ToolUseBlock) streamed.content().get(0)).input().path("city").asString()).isEqualTo("Bergen");
		assertThat(this.client.create(request("Hello")).text()).isEqualTo("no tool");
	}

	@Test
	void shouldAnswerWithThinkingBeforeTheText() {
		this.stub.defaultAnswer(StubAnswer.thinking("Nine point nine is larger.", "9.9"));

		MessageResponse created = this.client.create(request("9.11 or 9.9?"));
		MessageResponse streamed;
		try (MessageStream stream = this.client.stream(request("9.11 or 9.9?"))) {
			streamed = stream.finalMessage();
		}

		for (MessageResponse response : List.of(created, streamed)) {
			assertThat(response.content()).hasSize(2);
			assertThat(response.content().get(0)).isInstanceOfSatisfying(ThinkingBlock.class, (thinking) -> {
				assertThat(thinking.thinking()).isEqualTo("Nine point nine is larger.");
				assertThat(thinking.signature()).isEqualTo("stub-signature");
			});
			assertThat(response.text()).isEqualTo("9.9");
		}
	}

	@Test
	void shouldSendAScriptedMessageAsIsAndItsRoutingMetadataOnlyWhenOptedIn() {
		OpenRouterMetadata metadata = new OpenRouterMetadata("openai/gpt-4.1-mini", null, "eu", "available=1", 1,
				false, null, null, null, null);
		MessageResponse scripted = MessageResponse.builder()
			.id("msg_1")
			.model("openai/gpt-4.1-mini")
			.provider("OpenAI")
			.content(List.of(TextBlock.of("Bonjour")))
			.stopReason(StopReason.MAX_TOKENS)
			.usage(Usage.of(10, 20))
			.openrouterMetadata(metadata)
			.build();
		this.stub.defaultAnswer(StubAnswer.message(scripted));

		RequestOptions optIn = RequestOptions.builder().routingMetadata(true).build();
		MessageResponse without = this.client.create(request("Hi"));
		MessageResponse with = this.client.create(request("Hi"), optIn);
		MessageResponse streamed;
		try (MessageStream stream = this.client.stream(request("Hi"), optIn)) {
			streamed = stream.finalMessage();
		}

		assertThat(without.openrouterMetadata()).isNull();
		assertThat(with.openrouterMetadata()).isEqualTo(metadata);
		assertThat(streamed.openrouterMetadata()).isEqualTo(metadata);
		for (MessageResponse response : List.of(without, with, streamed)) {
			assertThat(response.id()).isEqualTo("msg_1");
			assertThat(response.provider()).isEqualTo("OpenAI");
			assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
			assertThat(response.usage().inputTokens()).isEqualTo(10);
			assertThat(response.usage().outputTokens()).isEqualTo(20);
		}
	}

	@Test
	void shouldAnswerErrorsWithOpenRouterEnvelopeAndHeaders() {
		this.stub.enqueue(StubAnswer.error(429, "Slow down").header("Retry-After", "7"),
				StubAnswer.error(503, "No provider"));

		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.client.create(request("Hi")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(429);
				assertThat(ex.errorType()).isEqualTo("rate_limit_error");
				assertThat(ex.openRouterErrorType()).isEqualTo("rate_limit_exceeded");
				assertThat(ex.errorMessage()).isEqualTo("Slow down");
				assertThat(ex.retryAfter()).hasValue(Duration.ofSeconds(7));
			});
		assertThatExceptionOfType(ServerException.class).isThrownBy(() -> this.client.create(request("Hi")))
			.satisfies((ex) -> assertThat(ex.errorType()).isEqualTo("overloaded_error"));
		assertThat(this.stub.requests()).extracting(RecordedRequest::status).containsExactly(429, 503);
	}

	@Test
	void shouldAnswerAnyStatusWithAnExplicitErrorOrARawBody() {
		this.stub.enqueue(
				StubAnswer.error(400, new StreamError("invalid_request_error", "Too long", "context_length_exceeded")),
				StubAnswer.raw(502, "text/html", "<html><title>Bad gateway</title></html>"),
				StubAnswer.genericError(402, "Insufficient credits"));

		assertThatExceptionOfType(OpenRouterApiException.class).isThrownBy(() -> this.client.create(request("Hi")))
			.satisfies((ex) -> assertThat(ex.openRouterErrorType()).isEqualTo("context_length_exceeded"));
		assertThatExceptionOfType(ServerException.class).isThrownBy(() -> this.client.create(request("Hi")))
			.satisfies((ex) -> assertThat(ex.errorMessage()).contains("Bad gateway"));
		assertThatExceptionOfType(PaymentRequiredException.class).isThrownBy(() -> this.client.create(request("Hi")))
			.satisfies((ex) -> {
				assertThat(ex.errorMessage()).isEqualTo("Insufficient credits");
				assertThat(ex.errorType()).isNull();
			});
	}

	@Test
	void shouldRejectAnyOtherKey() {
		MessagesClient wrongKey = client(this.stub, "sk-or-v1-not-the-stubs", ClientTimeouts.defaults());

		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> wrongKey.create(request("Hi")))
			.satisfies((ex) -> assertThat(ex.openRouterErrorType()).isEqualTo("authentication"));
		assertThat(this.stub.lastRequest().status()).isEqualTo(401);
		assertThat(this.stub.lastRequest().response()).isNull();
	}

	@Test
	void shouldEndAStreamWithAnErrorEvent() {
		this.stub.enqueue(StubAnswer.text("one two three four five six seven")
			.failAfter(4, new StreamError("overloaded_error", "Provider overloaded", "provider_overloaded")));

		assertThatExceptionOfType(OpenRouterStreamException.class).isThrownBy(() -> {
			try (MessageStream stream = this.client.stream(request("Hi"))) {
				stream.forEach((event) -> {
				});
			}
		}).satisfies((ex) -> {
			assertThat(ex.errorType()).isEqualTo("overloaded_error");
			assertThat(ex.openRouterErrorType()).isEqualTo("provider_overloaded");
		});
	}

	@Test
	void shouldCutAStreamMidway() {
		this.stub.enqueue(StubAnswer.text("one two three four five six seven").cutAfter(4));
		List<String> text = new ArrayList<>();

		assertThatExceptionOfType(OpenRouterException.class).isThrownBy(() -> {
			try (MessageStream stream = this.client.stream(request("Hi"))) {
				stream.forEach((event) -> {
					if (event instanceof ContentBlockDeltaEvent delta && delta.delta() instanceof TextDelta textDelta) {
						text.add(textDelta.text());
					}
				});
			}
		});
		assertThat(text).containsExactly("one two three ");
		assertThat(this.stub.lastRequest().awaitOutcome(WAIT)).isEqualTo(RecordedRequest.Outcome.ANSWERED);
	}

	@Test
	void shouldWriteTheFramesOfAnExplicitStream() {
		MessageResponse message = MessageResponse.builder().content(List.of(TextBlock.of("Hello world"))).build();
		List<StreamEvent> events = StubStream.eventsOf(StubWireFormat.complete(message, request("Hi"), 1));
		StubStream stream = StubStream.builder()
			.events(events.subList(0, 3))
			.keepAlive()
			.pause(Duration.ofMillis(1))
			.event(new UnknownStreamEvent(JsonMapper.shared().readTree("{\"type\":\"future_event\"}")))
			.events(events.subList(3, events.size()))
			.done()
			.build();
		this.stub.enqueue(StubAnswer.stream(stream));

		List<StreamEvent> received = this.client.reactive().stream(request("Hi")).collectList().block(WAIT);

		// the client drops the ping
		assertThat(received).hasSize(events.size());
		assertThat(received.get(2)).isInstanceOf(UnknownStreamEvent.class);
		assertThat(received.get(received.size() - 1)).isInstanceOf(MessageStopEvent.class);
	}

	@Test
	void shouldTimeOutOnADelayedOrStalledAnswer() {
		MessagesClient impatient = client(this.stub, this.stub.apiKey(), new ClientTimeouts(Duration.ofSeconds(5),
				Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(30)));
		this.stub.enqueue(StubAnswer.text("late").delay(Duration.ofMinutes(5)), StubAnswer.stall(),
				StubAnswer.text("one two three four five six").stallAfter(4));

		assertThatExceptionOfType(OpenRouterTimeoutException.class).isThrownBy(() -> impatient.create(request("Hi")));
		assertThatExceptionOfType(OpenRouterTimeoutException.class).isThrownBy(() -> impatient.create(request("Hi")));
		assertThatExceptionOfType(OpenRouterTimeoutException.class).isThrownBy(() -> {
			try (MessageStream stream = impatient.stream(request("Hi"))) {
				stream.forEach((event) -> {
				});
			}
		});
		for (RecordedRequest recorded : this.stub.requests()) {
			assertThat(recorded.awaitOutcome(WAIT)).isEqualTo(RecordedRequest.Outcome.CLOSED_BY_CLIENT);
		}
		assertThat(this.stub.inFlight()).isZero();
	}

	@Test
	void shouldSeeTheClientCloseAStreamItCancels() {
		this.stub.enqueue(StubAnswer.text("one two three four five six").stallAfter(4));
		Sinks.One<String> firstDelta = Sinks.one();

		Disposable subscription = this.client.reactive()
			.streamText(request("Hi"))
			.subscribe((text) -> firstDelta.tryEmitValue(text));
		assertThat(firstDelta.asMono().block(WAIT)).isEqualTo("one two three ");
		RecordedRequest recorded = this.stub.lastRequest();
		assertThat(recorded.outcome()).isEmpty();
		assertThat(this.stub.inFlight()).isOne();
		subscription.dispose();

		assertThat(recorded.awaitOutcome(WAIT)).isEqualTo(RecordedRequest.Outcome.CLOSED_BY_CLIENT);
		assertThat(this.stub.inFlight()).isZero();
	}

	@Test
	void shouldPreferRulesThenTheQueueThenTheDefault() {
		this.stub.answerWhen(StubRequests.model("openai/gpt-4.1-mini"), StubAnswer.text("rule: model"));
		this.stub.answerWhen(StubRequests.lastUserTextContains("weather"), StubAnswer.text("rule: text"));
		this.stub.enqueue(StubAnswer.text("first"), StubAnswer.text("second"));

		List<String> answers = new ArrayList<>();
		answers.add(this.client.create(request("Hi").toBuilder().model("openai/gpt-4.1-mini").build()).text());
		answers.add(this.client.create(request("How is the weather?")).text());
		answers.add(this.client.create(request("Hi")).text());
		answers.add(this.client.create(request("Hi")).text());
		answers.add(this.client.create(request("Hi")).text());

		assertThat(answers).containsExactly("rule: model", "rule: text", "first", "second",
				OpenRouterStub.DEFAULT_TEXT);
	}

	@Test
	void shouldChooseAnAnswerFromTheRequest() {
		this.stub.defaultAnswer(StubAnswer.from((request) -> {
			String text = StubRequests.lastUserText(request);
			return text.isBlank() ? StubAnswer.error(400, "Say something") : StubAnswer.text("You said " + text);
		}));

		assertThat(this.client.create(request("Hello")).text()).isEqualTo("You said Hello");
		assertThatExceptionOfType(OpenRouterApiException.class).isThrownBy(() -> this.client.create(request(" ")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	@Test
	void shouldAnswer500WhenTheScriptFails() {
		this.stub.defaultAnswer(StubAnswer.message((request) -> {
			throw new IllegalStateException("boom");
		}));

		assertThatExceptionOfType(ServerException.class).isThrownBy(() -> this.client.create(request("Hi")))
			.satisfies((ex) -> assertThat(ex.errorMessage()).contains("boom"));
	}

	@Test
	void shouldForgetEverythingOnReset() {
		this.stub.answerWhen((request) -> true, StubAnswer.text("rule"));
		this.stub.enqueue(StubAnswer.text("queued"));
		this.stub.defaultAnswer(StubAnswer.text("default"));
		this.client.create(request("Hi"));

		this.stub.reset();

		assertThat(this.stub.requests()).isEmpty();
		assertThat(this.client.create(request("Hi")).text()).isEqualTo(OpenRouterStub.DEFAULT_TEXT);
	}

	@Test
	void shouldRestoreTheDefaultAnswerItWasStartedWithOnReset() {
		try (OpenRouterStub demo = OpenRouterStub.start(StubAnswer.text("demo default"))) {
			MessagesClient demoClient = client(demo, demo.apiKey(), ClientTimeouts.defaults());
			demo.defaultAnswer(StubAnswer.text("for one test"));
			assertThat(demoClient.create(request("Hi")).text()).isEqualTo("for one test");

			demo.reset();

			assertThat(demoClient.create(request("Hi")).text()).isEqualTo("demo default");
		}
	}

	@Test
	void shouldAnswerOtherPathsAndMalformedBodiesWithOpenRouterErrors() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> unknownPath = http.send(HttpRequest.newBuilder(URI.create(this.stub.baseUrl() + "/models"))
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(URI.create(this.stub.baseUrl() + "/messages"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"model\": ", StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(unknownPath.statusCode()).isEqualTo(404);
		assertThat(JsonMapper.shared().readTree(unknownPath.body()).path("error").path("type").asString())
			.isEqualTo("not_found_error");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JsonMapper.shared().readTree(malformed.body()).path("error").path("error_type").asString())
			.isEqualTo("invalid_request");
		assertThat(this.stub.requests()).isEmpty();
	}

	@Test
	void shouldRunTwoStubsSideBySideOnRandomPorts() {
		try (OpenRouterStub other = OpenRouterStub.start()) {
			other.defaultAnswer(StubAnswer.text("other"));
			MessagesClient otherClient = client(other, other.apiKey(), ClientTimeouts.defaults());

			assertThat(other.port()).isPositive().isNotEqualTo(this.stub.port());
			assertThat(other.apiKey()).isNotEqualTo(this.stub.apiKey()).matches("sk-or-stub-[0-9a-f]{32}");
			assertThat(otherClient.create(request("Hi")).text()).isEqualTo("other");
			assertThat(this.client.create(request("Hi")).text()).isEqualTo(OpenRouterStub.DEFAULT_TEXT);
			assertThat(other.requests()).hasSize(1);
			assertThat(this.stub.requests()).hasSize(1);
			assertThat(client(this.stub, other.apiKey(), ClientTimeouts.defaults()))
				.satisfies((crossed) -> assertThatExceptionOfType(AuthenticationException.class)
					.isThrownBy(() -> crossed.create(request("Hi"))));
		}
	}

	private static MessagesClient client(OpenRouterStub stub, String apiKey, ClientTimeouts timeouts) {
		return MessagesClient.builder()
			.baseUrl(stub.baseUrl())
			.apiKey(apiKey)
			.defaultModel("anthropic/claude-sonnet-4.5")
			.appTitle("stub tests")
			.retryPolicy(RetryPolicy.none())
			.timeouts(timeouts)
			.build();
	}

	private static MessageRequest request(String text) {
		return MessageRequest.builder().maxTokens(256).addUserMessage(text).build();
	}

}
