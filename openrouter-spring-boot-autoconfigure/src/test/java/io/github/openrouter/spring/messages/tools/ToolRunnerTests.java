package io.github.openrouter.spring.messages.tools;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.ThinkingConfig;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.tools.ToolLoopEvent.Completed;
import io.github.openrouter.spring.messages.tools.ToolLoopEvent.ModelEvent;
import io.github.openrouter.spring.messages.tools.ToolLoopEvent.ToolExecuted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.openrouter.spring.messages.tools.Conversation.answer;
import static io.github.openrouter.spring.messages.tools.Conversation.text;
import static io.github.openrouter.spring.messages.tools.Conversation.toolUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ToolRunner}: scripted conversations over HTTP to WireMock, each run with
 * non-streaming calls and with streaming calls.
 */
class ToolRunnerTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static final String USAGE_1 = """
			{"input_tokens": 100, "output_tokens": 20, "cache_creation_input_tokens": 10, "cache_read_input_tokens": 50,
			 "cache_creation": {"ephemeral_5m_input_tokens": 10, "ephemeral_1h_input_tokens": 0},
			 "server_tool_use": {"web_search_requests": 1}, "cost": 0.00125,
			 "cost_details": {"upstream_inference_cost": 0.001}}""";

	static final String USAGE_2 = """
			{"input_tokens": 150, "output_tokens": 30, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 60,
			 "output_tokens_details": {"thinking_tokens": 7}, "cost": 0.0021,
			 "cost_details": {"upstream_inference_cost": 0.002}}""";

	static final String USAGE_3 = """
			{"input_tokens": 1, "output_tokens": 2, "cost": 0.00001}""";

	private final MessagesClient client = MessagesClient.builder()
		.baseUrl(wireMock.baseUrl() + "/api/v1")
		.apiKey("test-key")
		.defaultModel("anthropic/claude-sonnet-4.5")
		.build();

	private final MessageRequest request = MessageRequest.builder()
		.maxTokens(1024)
		.addUserMessage("What is the weather in Oslo?")
		.build();

	static ToolLoopResult run(ToolRunner runner, MessageRequest request, boolean streaming) {
		if (!streaming) {
			return runner.call(request);
		}
		List<ToolLoopEvent> events = runner.stream(request).collectList().block(Duration.ofSeconds(30));
		assertThat(events).isNotNull().last().isInstanceOf(Completed.class);
		assertRoundsInOrder(events);
		return ((Completed) events.get(events.size() - 1)).result();
	}

	/**
	 * Each round's events run from {@code message_start} to {@code message_stop}, the tool
	 * executions of a round come after its events and before the next round's.
	 */
	private static void assertRoundsInOrder(List<ToolLoopEvent> events) {
		int round = 0;
		boolean open = false;
		for (ToolLoopEvent event : events) {
			if (event instanceof ModelEvent model) {
				if (model.event() instanceof MessageStartEvent) {
					assertThat(open).as("a round starts after the last one stopped").isFalse();
					assertThat(model.round()).isEqualTo(++round);
					open = true;
				}
				assertThat(model.round()).isEqualTo(round);
				if (model.event() instanceof MessageStopEvent) {
					open = false;
				}
			}
			else if (event instanceof ToolExecuted executed) {
				assertThat(open).as("tools run between rounds").isFalse();
				assertThat(executed.round()).isEqualTo(round);
			}
		}
		assertThat(round).isEqualTo(((Completed) events.get(events.size() - 1)).result().rounds());
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void oneToolShouldRunAndSumUsageAndCostOfEveryRound(boolean streaming) {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(answer("tool_use", USAGE_1, text("Let me check."), toolUse("toolu_1", "get_weather",
				"{\"city\": \"Oslo\"}")), answer("end_turn", USAGE_2, text("12 degrees and rain.")));
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).build();

		ToolLoopResult result = run(runner, this.request, streaming);

		assertThat(result.stop()).isEqualTo(ToolLoopStop.ANSWER);
		assertThat(result.text()).isEqualTo("12 degrees and rain.");
		assertThat(result.rounds()).isEqualTo(2);
		Usage usage = result.usage();
		assertThat(usage.inputTokens()).isEqualTo(250);
		assertThat(usage.outputTokens()).isEqualTo(50);
		assertThat(usage.cacheCreationInputTokens()).isEqualTo(10);
		assertThat(usage.cacheReadInputTokens()).isEqualTo(110);
		assertThat(usage.totalInputTokens()).isEqualTo(370);
		assertThat(usage.cacheCreation().ephemeral5mInputTokens()).isEqualTo(10);
		assertThat(usage.outputTokensDetails().thinkingTokens()).isEqualTo(7);
		assertThat(usage.serverToolUse().webSearchRequests()).isEqualTo(1);
		assertThat(usage.cost()).isEqualByComparingTo(new BigDecimal("0.00335"));
		assertThat(usage.costDetails().upstreamInferenceCost()).isEqualByComparingTo(new BigDecimal("0.003"));
		List<JsonNode> requests = conversation.requests();
		assertThat(requests).hasSize(2);
		JsonNode tool = requests.get(0).get("tools").get(0);
		assertThat(tool.get("name").asString()).isEqualTo("get_weather");
		assertThat(tool.at("/input_schema/properties/city/type").asString()).isEqualTo("string");
		assertThat(tool.at("/input_schema/properties/city/description").asString()).isEqualTo("The city name");
		assertThat(tool.at("/input_schema/required/0").asString()).isEqualTo("city");
		JsonNode messages = requests.get(1).get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(2).at("/content/0/type").asString()).isEqualTo("tool_result");
		assertThat(messages.get(2).at("/content/0/tool_use_id").asString()).isEqualTo("toolu_1");
		assertThat(messages.get(2).at("/content/0/content").asString()).isEqualTo("12 degrees and rain in Oslo");
		assertThat(messages.get(2).at("/content/0/is_error").isMissingNode()).isTrue();
		assertThat(result.transcript()).hasSize(4);
		assertThat(result.responses().get(1)).isEqualTo(result.finalMessage());
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void twoToolsShouldRunInParallelOffTheEventLoopAndAnswerInOrder(boolean streaming) {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(
				answer("tool_use", USAGE_1, toolUse("toolu_a", "meet", "{\"name\": \"a\"}"),
						toolUse("toolu_b", "meet", "{\"name\": \"b\"}")),
				answer("end_turn", USAGE_2, text("Both met.")));
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<String> threads = new CopyOnWriteArrayList<>();
		FunctionTool<Meeting> meet = FunctionTool.of("meet", "Waits until both have arrived", Meeting.class,
				(meeting) -> {
					threads.add(Thread.currentThread().getName());
					try {
						// Both calls must be running at once to pass the barrier.
						barrier.await(20, TimeUnit.SECONDS);
					}
					catch (InterruptedException | BrokenBarrierException | TimeoutException ex) {
						throw new IllegalStateException("not parallel", ex);
					}
					return "met " + meeting.name();
				});
		ToolRunner runner = ToolRunner.builder(this.client).tool(meet).build();

		ToolLoopResult result = run(runner, this.request, streaming);

		assertThat(result.text()).isEqualTo("Both met.");
		assertThat(threads).hasSize(2).allSatisfy((name) -> assertThat(name).startsWith("boundedElastic-"));
		JsonNode results = conversation.requests().get(1).at("/messages/2/content");
		assertThat(results.get(0).get("tool_use_id").asString()).isEqualTo("toolu_a");
		assertThat(results.get(0).get("content").asString()).isEqualTo("met a");
		assertThat(results.get(1).get("tool_use_id").asString()).isEqualTo("toolu_b");
		assertThat(results.get(1).get("content").asString()).isEqualTo("met b");
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void aToolThatThrowsShouldAnswerAnErrorWithItsMessageOnly(boolean streaming) {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(
				answer("tool_use", USAGE_1, toolUse("toolu_1", "get_weather", "{\"city\": \"Atlantis\"}"),
						toolUse("toolu_2", "no_such_tool", "{}")),
				answer("end_turn", USAGE_2, text("Atlantis has no weather.")));
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).build();

		ToolLoopResult result = run(runner, this.request, streaming);

		assertThat(result.stop()).isEqualTo(ToolLoopStop.ANSWER);
		JsonNode second = conversation.requests().get(1);
		JsonNode results = second.at("/messages/2/content");
		assertThat(results.get(0).get("is_error").asBoolean()).isTrue();
		assertThat(results.get(0).get("content").asString()).isEqualTo("No weather in Atlantis");
		assertThat(results.get(1).get("is_error").asBoolean()).isTrue();
		assertThat(results.get(1).get("content").asString()).isEqualTo("No tool named 'no_such_tool'");
		assertThat(second.toString()).doesNotContain("WeatherTools").doesNotContain("at io.github");
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void maxIterationsShouldStopWithTheUnansweredToolUseAndTheUsageSoFar(boolean streaming) {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(answer("tool_use", USAGE_1, toolUse("toolu_1", "get_weather", "{\"city\": \"Oslo\"}")),
				answer("tool_use", USAGE_3, toolUse("toolu_2", "get_weather", "{\"city\": \"Bergen\"}")));
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).maxIterations(2).build();

		ToolLoopResult result = run(runner, this.request, streaming);

		assertThat(result.stop()).isEqualTo(ToolLoopStop.MAX_ITERATIONS);
		assertThat(result.rounds()).isEqualTo(2);
		assertThat(result.finalMessage().stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(result.usage().inputTokens()).isEqualTo(101);
		assertThat(result.usage().outputTokens()).isEqualTo(22);
		assertThat(result.usage().cost()).isEqualByComparingTo(new BigDecimal("0.00126"));
		assertThat(conversation.requests()).hasSize(2);
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void timeLimitShouldCancelTheRunningToolAndKeepTheRoundsSoFar(boolean streaming) throws InterruptedException {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(answer("tool_use", USAGE_1, toolUse("toolu_1", "wait", "{\"name\": \"x\"}")));
		CountDownLatch interrupted = new CountDownLatch(1);
		FunctionTool<Meeting> wait = waitUntilInterrupted(new CountDownLatch(1), interrupted);
		ToolRunner runner = ToolRunner.builder(this.client).tool(wait).timeLimit(Duration.ofSeconds(2)).build();

		ToolLoopResult result = run(runner, this.request, streaming);

		assertThat(result.stop()).isEqualTo(ToolLoopStop.TIME_LIMIT);
		assertThat(result.rounds()).isEqualTo(1);
		assertThat(result.usage().inputTokens()).isEqualTo(100);
		assertThat(result.transcript()).hasSize(2);
		assertThat(interrupted.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(conversation.requests()).hasSize(1);
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void aRefusalMidLoopShouldStopTheLoop(boolean streaming) {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(answer("tool_use", USAGE_1, toolUse("toolu_1", "get_weather", "{\"city\": \"Oslo\"}")),
				answer("refusal", USAGE_3, text("I can't help with that.")));
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).build();

		ToolLoopResult result = run(runner, this.request, streaming);

		assertThat(result.stop()).isEqualTo(ToolLoopStop.REFUSAL);
		assertThat(result.finalMessage().stopReason()).isEqualTo(StopReason.REFUSAL);
		assertThat(result.rounds()).isEqualTo(2);
		assertThat(result.usage().outputTokens()).isEqualTo(22);
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void serverToolBlocksShouldBeReplayedUnchanged(boolean streaming) {
		String serverToolUse = "{\"type\": \"server_tool_use\", \"id\": \"srvtoolu_1\", \"name\": \"web_search\", "
				+ "\"input\": {\"query\": \"Oslo weather\"}}";
		String searchResult = "{\"type\": \"web_search_tool_result\", \"tool_use_id\": \"srvtoolu_1\", \"content\": "
				+ "[{\"type\": \"web_search_result\", \"url\": \"https://yr.no\", \"title\": \"Yr\", "
				+ "\"encrypted_content\": \"EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5\", \"page_age\": null}]}";
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(
				answer("pause_turn", USAGE_3, serverToolUse, searchResult),
				answer("tool_use", USAGE_1, text("Checking the station."),
						toolUse("toolu_1", "get_weather", "{\"city\": \"Oslo\"}")),
				answer("end_turn", USAGE_2, text("Rain.")));
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).build();

		ToolLoopResult result = run(runner, this.request, streaming);

		assertThat(result.rounds()).isEqualTo(3);
		List<JsonNode> requests = conversation.requests();
		JsonNode replayed = requests.get(1).at("/messages/1/content");
		assertThat(replayed.get(0)).isEqualTo(Conversation.MAPPER.readTree(serverToolUse));
		assertThat(replayed.get(1)).isEqualTo(Conversation.MAPPER.readTree(searchResult));
		assertThat(requests.get(2).at("/messages/1/content")).isEqualTo(replayed);
		// pause_turn: the paused assistant message is sent back as it is, the model continues it.
		assertThat(requests.get(2).get("messages")).hasSize(4);
		assertThat(result.usage().inputTokens()).isEqualTo(251);
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void thinkingShouldBeReplayedByteForByteToTheModelAndProviderOfTheFirstRound(boolean streaming) {
		String signature = "EqQBCkgIARABGAIiQL+/2Fx3s8w9Zk1rQm+Xq/9uYv5tJ0hQ==";
		String thinking = "{\"type\": \"thinking\", \"thinking\": \"The user wants Oslo's weather.\\nCall the tool.\", "
				+ "\"signature\": \"" + signature + "\"}";
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(
				answer("tool_use", USAGE_1, thinking, toolUse("toolu_1", "get_weather", "{\"city\": \"Oslo\"}")),
				answer("end_turn", USAGE_2, text("Rain.")));
		MessageRequest thinkingRequest = this.request.toBuilder()
			.model("anthropic/claude-sonnet-4.5")
			.addFallback("openai/gpt-4.1")
			.provider(ProviderPreferences.builder().order(List.of("anthropic", "amazon-bedrock")).zdr(true).build())
			.maxTokens(4096)
			.thinking(ThinkingConfig.enabled(2048))
			.build();
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).build();

		ToolLoopResult result = run(runner, thinkingRequest, streaming);

		assertThat(result.stop()).isEqualTo(ToolLoopStop.ANSWER);
		List<JsonNode> requests = conversation.requests();
		assertThat(requests.get(0).get("model").asString()).isEqualTo("anthropic/claude-sonnet-4.5");
		JsonNode second = requests.get(1);
		assertThat(second.at("/messages/1/content/0")).isEqualTo(Conversation.MAPPER.readTree(thinking));
		assertThat(wireMock.getAllServeEvents().get(0).getRequest().getBodyAsString())
			.contains("\"signature\":\"" + signature + "\"");
		assertThat(second.get("model").asString()).isEqualTo("anthropic/claude-4.5-sonnet-20250929");
		assertThat(requests.get(0).has("fallbacks")).isTrue();
		assertThat(second.has("fallbacks")).isFalse();
		assertThat(second.has("models")).isFalse();
		assertThat(second.at("/provider/order")).hasSize(1);
		assertThat(second.at("/provider/order/0").asString()).isEqualTo("Amazon Bedrock");
		assertThat(second.at("/provider/allow_fallbacks").asBoolean()).isFalse();
		assertThat(second.at("/provider/zdr").asBoolean()).isTrue();
	}

	@Test
	void withoutThinkingLaterRoundsShouldBeRoutedLikeTheFirst() {
		Conversation conversation = new Conversation(wireMock, false);
		conversation.script(answer("tool_use", USAGE_1, toolUse("toolu_1", "get_weather", "{\"city\": \"Oslo\"}")),
				answer("end_turn", USAGE_2, text("Rain.")));
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).build();

		runner.call(this.request.toBuilder().addFallback("openai/gpt-4.1").build());

		List<JsonNode> requests = conversation.requests();
		JsonNode first = requests.get(0);
		JsonNode second = requests.get(1);
		assertThat(second.get("model")).isEqualTo(first.get("model"));
		assertThat(second.get("fallbacks")).isNotNull().isEqualTo(first.get("fallbacks"));
		assertThat(second.has("provider")).isFalse();
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void cancellingShouldInterruptTheRunningTool(boolean streaming) throws InterruptedException {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(answer("tool_use", USAGE_1, toolUse("toolu_1", "wait", "{\"name\": \"x\"}")));
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		FunctionTool<Meeting> wait = waitUntilInterrupted(started, interrupted);
		ToolRunner runner = ToolRunner.builder(this.client).tool(wait).build();

		Disposable loop = streaming ? runner.stream(this.request).subscribe() : runner.run(this.request).subscribe();
		assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
		loop.dispose();

		assertThat(interrupted.await(20, TimeUnit.SECONDS)).isTrue();
		assertThat(conversation.requests()).hasSize(1);
	}

	@Test
	void twoToolsOfOneNameShouldBeRefused() {
		FunctionTool<Meeting> first = FunctionTool.of("get_weather", "One", Meeting.class, Meeting::name);
		assertThatExceptionOfType(ToolDefinitionException.class)
			.isThrownBy(() -> ToolRunner.builder(this.client).tools(new WeatherTools()).tool(first).build())
			.withMessageContaining("'get_weather'");
	}

	@Test
	void anObjectWithoutToolMethodsShouldBeRefused() {
		assertThatExceptionOfType(ToolDefinitionException.class)
			.isThrownBy(() -> ToolRunner.builder(this.client).tools(new Object()).build())
			.withMessageContaining("@OpenRouterTool");
	}

	@Test
	void toolsShouldBeAddedAfterTheRequestsOwnTools() {
		ToolRunner runner = ToolRunner.builder(this.client).tools(new WeatherTools()).build();

		assertThat(runner.tools()).singleElement().satisfies((tool) -> {
			assertThat(tool.name()).isEqualTo("get_weather");
			assertThat(tool.description()).isEqualTo("Current weather in a city");
		});
	}

	private static FunctionTool<Meeting> waitUntilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
		return FunctionTool.of("wait", "Waits until interrupted", Meeting.class, (meeting) -> {
			started.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return "woken";
		});
	}

	/**
	 * Tools of the tests, with names from {@code -parameters}.
	 */
	public static class WeatherTools {

		@OpenRouterTool(name = "get_weather", description = "Current weather in a city")
		public String weather(@ToolParameter(description = "The city name") String city) {
			if (city.equals("Atlantis")) {
				throw new IllegalStateException("No weather in " + city);
			}
			return "12 degrees and rain in " + city;
		}

	}

	record Meeting(String name) {
	}

}
