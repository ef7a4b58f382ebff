package io.github.openrouter.spring.messages.tools;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.openrouter.spring.messages.tools.Conversation.answer;
import static io.github.openrouter.spring.messages.tools.Conversation.text;
import static io.github.openrouter.spring.messages.tools.Conversation.toolUse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the observation tree of a tool loop: the loop, each round's call and each tool
 * execution.
 */
class ToolObservationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch roundStopped = new CountDownLatch(1);

	@BeforeEach
	void setUp() {
		this.registry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new ObservationHandler<>() {

				@Override
				public void onStart(Observation.Context context) {
					if (context instanceof MessagesObservationContext) {
						ToolObservationTests.this.started.countDown();
					}
				}

				@Override
				public void onStop(Observation.Context context) {
					ToolObservationTests.this.stopped.add(context);
					if (context instanceof MessagesObservationContext) {
						ToolObservationTests.this.roundStopped.countDown();
					}
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			});
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void theLoopShouldParentEveryRoundAndToolExecutionAndCarryTheSummedUsage(boolean streaming) {
		Conversation conversation = new Conversation(wireMock, streaming);
		conversation.script(
				answer("tool_use", ToolRunnerTests.USAGE_1,
						toolUse("toolu_1", "get_weather", "{\"city\": \"Oslo\"}"),
						toolUse("toolu_2", "get_weather", "{\"city\": \"Atlantis\"}"),
						toolUse("toolu_3", "made_up_by_the_model", "{}")),
				answer("end_turn", ToolRunnerTests.USAGE_2, text("Rain.")));
		ToolRunner runner = ToolRunner.builder(client())
			.tools(new ToolRunnerTests.WeatherTools())
			.observationRegistry(this.registry)
			.build();
		MessageRequest request = MessageRequest.builder().maxTokens(256).addUserMessage("Weather?").build();

		ToolLoopResult result = ToolRunnerTests.run(runner, request, streaming);

		ToolLoopObservationContext loop = single(ToolLoopObservationContext.class);
		assertThat(loop.getName()).isEqualTo("openrouter.tool_loop");
		assertThat(loop.getParentObservation()).isNull();
		assertThat(loop.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.operation.name", "tool_loop"), KeyValue.of("gen_ai.provider.name", "openrouter"),
				KeyValue.of("openrouter.tool_loop.stop", "answer"));
		assertThat(loop.getHighCardinalityKeyValues()).contains(KeyValue.of("openrouter.tool_loop.rounds", "2"),
				KeyValue.of("gen_ai.usage.input_tokens", "370"), KeyValue.of("gen_ai.usage.output_tokens", "50"),
				KeyValue.of("gen_ai.usage.cache_read.input_tokens", "110"),
				KeyValue.of("gen_ai.usage.cache_creation.input_tokens", "10"), KeyValue.of("openrouter.cost", "0.00335"));
		assertThat(loop.getResult()).isNotNull();
		assertThat(loop.getResult().usage()).isEqualTo(result.usage());

		List<MessagesObservationContext> rounds = all(MessagesObservationContext.class);
		assertThat(rounds).hasSize(2).allSatisfy((round) -> {
			assertThat(round.getName()).isEqualTo(DefaultMessagesObservationConvention.DEFAULT_NAME);
			assertThat(round.getParentObservation().getContextView()).isSameAs(loop);
		});

		List<ToolExecutionObservationContext> tools = all(ToolExecutionObservationContext.class);
		assertThat(tools).hasSize(3).allSatisfy((tool) -> {
			assertThat(tool.getName()).isEqualTo("gen_ai.execute_tool");
			assertThat(tool.getParentObservation().getContextView()).isSameAs(loop);
			assertThat(tool.getLowCardinalityKeyValues()).contains(KeyValue.of("gen_ai.operation.name", "execute_tool"),
					KeyValue.of("gen_ai.tool.type", "function"));
		});
		assertThat(tools).extracting(ToolExecutionObservationContext::getToolCallId)
			.containsExactlyInAnyOrder("toolu_1", "toolu_2", "toolu_3");
		assertThat(tools).filteredOn((tool) -> tool.getToolCallId().equals("toolu_1")).singleElement().satisfies(
				(tool) -> assertThat(tool.getLowCardinalityKeyValues()).contains(KeyValue.of("gen_ai.tool.name",
						"get_weather"), KeyValue.of("outcome", "success"), KeyValue.of("error.type", "none")));
		assertThat(tools).filteredOn((tool) -> tool.getToolCallId().equals("toolu_2")).singleElement().satisfies(
				(tool) -> assertThat(tool.getLowCardinalityKeyValues()).contains(KeyValue.of("gen_ai.tool.name",
						"get_weather"), KeyValue.of("outcome", "error"), KeyValue.of("error.type",
								"IllegalStateException")));
		// A name the model made up is not a tag value: cardinality stays bounded by the registered tools.
		assertThat(tools).filteredOn((tool) -> tool.getToolCallId().equals("toolu_3")).singleElement().satisfies(
				(tool) -> assertThat(tool.getLowCardinalityKeyValues()).contains(KeyValue.of("gen_ai.tool.name",
						"_OTHER")));
		assertThat(this.meters.getMeters()).extracting((meter) -> meter.getId().getTag("gen_ai.tool.name"))
			.filteredOn((name) -> name != null)
			.containsOnly("get_weather", "_OTHER");
		assertThat(this.meters.getMeters()).map(Meter::getId)
			.allSatisfy((id) -> assertThat(id.getTags()).noneMatch((tag) -> tag.getValue().startsWith("toolu_")));
	}

	@ParameterizedTest(name = "streaming={0}")
	@ValueSource(booleans = { false, true })
	void cancellingTheLoopShouldCancelTheOpenCall(boolean streaming) throws InterruptedException {
		// The first round answers only after the loop has been cancelled.
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(5_000).withBody("{}")));
		ToolRunner runner = ToolRunner.builder(client()).observationRegistry(this.registry).build();
		MessageRequest request = MessageRequest.builder().maxTokens(256).addUserMessage("Weather?").build();

		Disposable loop = streaming ? runner.stream(request).subscribe() : runner.run(request).subscribe();
		assertThat(this.started.await(20, TimeUnit.SECONDS)).isTrue();
		loop.dispose();

		assertThat(this.roundStopped.await(20, TimeUnit.SECONDS)).isTrue();
		MessagesObservationContext round = single(MessagesObservationContext.class);
		assertThat(round.getOutcome()).isEqualTo(MessagesObservationContext.Outcome.CANCELLED);
		ToolLoopObservationContext loopContext = single(ToolLoopObservationContext.class);
		assertThat(loopContext.getStop()).isEqualTo("cancelled");
		assertThat(round.getParentObservation().getContextView()).isSameAs(loopContext);
	}

	private MessagesClient client() {
		return MessagesClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.apiKey("test-key")
			.defaultModel("anthropic/claude-sonnet-4.5")
			.observationRegistry(this.registry)
			.build();
	}

	private <T extends Observation.Context> T single(Class<T> type) {
		List<T> contexts = all(type);
		assertThat(contexts).hasSize(1);
		return contexts.get(0);
	}

	private <T extends Observation.Context> List<T> all(Class<T> type) {
		return this.stopped.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
