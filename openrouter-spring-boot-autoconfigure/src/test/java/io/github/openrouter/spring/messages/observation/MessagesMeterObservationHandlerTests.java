package io.github.openrouter.spring.messages.observation;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext.Outcome;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessagesMeterObservationHandler}.
 */
class MessagesMeterObservationHandlerTests {

	private final MockClock clock = new MockClock();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, this.clock);

	private final ObservationRegistry observationRegistry = observationRegistry(
			DefaultMessagesObservationConvention.DEFAULT_MAX_TAG_VALUES);

	@Test
	void shouldRecordEveryMeterOfAFullUsageResponseExactly() {
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.FULL_USAGE_RESPONSE);
		JsonNode usage = fixture.get("usage");
		JsonNode routing = fixture.get("openrouter_metadata");
		String requested = routing.get("requested").asString();
		MessagesObservationContext context = context(requested, ObservationFixtures.FULL_USAGE_RESPONSE);

		observe(context, Duration.ofMillis(1250), null);

		Timer duration = this.meterRegistry.get(OPERATION_DURATION).timer();
		assertThat(duration.count()).isEqualTo(1);
		assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1250.0);
		long expectedInput = usage.get("input_tokens").asLong() + usage.get("cache_read_input_tokens").asLong()
				+ usage.get("cache_creation_input_tokens").asLong();
		assertThat(tokens("input").totalAmount()).isEqualTo(expectedInput);
		assertThat(tokens("output").totalAmount()).isEqualTo(usage.get("output_tokens").asLong());
		assertThat(summary(CACHE_READ_TOKENS).totalAmount()).isEqualTo(usage.get("cache_read_input_tokens").asLong());
		assertThat(summary(CACHE_CREATION_TOKENS).totalAmount())
			.isEqualTo(usage.get("cache_creation_input_tokens").asLong());
		assertThat(summary(REASONING_TOKENS).totalAmount())
			.isEqualTo(usage.at("/output_tokens_details/thinking_tokens").asLong());
		assertThat(summary(COST).totalAmount()).isEqualTo(usage.get("cost").asDouble());
		assertThat(summary(COST).count()).isEqualTo(1);

		Counter operations = this.meterRegistry.get(OPERATIONS).counter();
		assertThat(operations.count()).isEqualTo(1.0);
		assertThat(operations.getId().getTag(PROVIDER)).isEqualTo(fixture.get("provider").asString());

		Counter fallbacks = this.meterRegistry.get(FALLBACKS).counter();
		assertThat(fallbacks.count()).isEqualTo(1.0);
		assertThat(fallbacks.getId().getTag("gen_ai.request.model")).isEqualTo(requested);
		assertThat(fallbacks.getId().getTag("gen_ai.response.model")).isEqualTo(fixture.get("model").asString());

		DistributionSummary attempts = summary(ROUTING_ATTEMPTS);
		assertThat(attempts.count()).isEqualTo(1);
		assertThat(attempts.totalAmount()).isEqualTo(routing.get("attempt").asLong());
		assertThat(attempts.getId().getTag(ROUTING_STRATEGY)).isEqualTo(routing.get("strategy").asString());
		assertThat(attempts.getId().getTag(ROUTING_REGION)).isEqualTo(routing.get("region").asString());
		assertThat(attempts.getId().getTag(BYOK)).isEqualTo(routing.get("is_byok").asString());

		assertThat(this.meterRegistry.find(TIME_TO_FIRST_CHUNK).timer()).isNull();
	}

	@Test
	void shouldTagEveryMeterWithTheGenAiAttributes() {
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.FULL_USAGE_RESPONSE);
		String requested = fixture.at("/openrouter_metadata/requested").asString();
		observe(context(requested, ObservationFixtures.FULL_USAGE_RESPONSE), Duration.ofSeconds(1), null);

		assertThat(this.meterRegistry.getMeters()).isNotEmpty().allSatisfy((meter) -> {
			Meter.Id id = meter.getId();
			assertThat(id.getTag("gen_ai.operation.name")).isEqualTo("chat");
			assertThat(id.getTag("gen_ai.provider.name")).isEqualTo("openrouter");
			assertThat(id.getTag("gen_ai.request.model")).isEqualTo(requested);
			assertThat(id.getTag("gen_ai.response.model")).isEqualTo(fixture.get("model").asString());
			assertThat(id.getTag("server.address")).isEqualTo("openrouter.ai");
			assertThat(id.getTag("error.type")).isEqualTo("none");
			assertThat(id.getTag("outcome")).isEqualTo("success");
		});
	}

	@Test
	void shouldRecordOnlyReportedFieldsOfTheSpecExample() {
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.SPEC_RESPONSE);
		JsonNode usage = fixture.get("usage");
		String model = fixture.get("model").asString();

		observe(context(model, ObservationFixtures.SPEC_RESPONSE), Duration.ofMillis(300), null);

		assertThat(tokens("input").totalAmount()).isEqualTo(usage.get("input_tokens").asLong());
		assertThat(tokens("output").totalAmount()).isEqualTo(usage.get("output_tokens").asLong());
		assertThat(this.meterRegistry.find(CACHE_READ_TOKENS).meters()).isEmpty();
		assertThat(this.meterRegistry.find(CACHE_CREATION_TOKENS).meters()).isEmpty();
		assertThat(this.meterRegistry.find(REASONING_TOKENS).meters()).isEmpty();
		assertThat(this.meterRegistry.find(COST).meters()).isEmpty();
		assertThat(this.meterRegistry.find(FALLBACKS).meters()).isEmpty();
		assertThat(this.meterRegistry.find(ROUTING_ATTEMPTS).meters()).isEmpty();
		assertThat(this.meterRegistry.get(OPERATIONS).counter().getId().getTag(PROVIDER)).isEqualTo("none");
	}

	@Test
	void shouldRecordTimeToFirstChunkForStreams() {
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.SPEC_RESPONSE);
		MessagesObservationContext context = new MessagesObservationContext(
				ObservationFixtures.request(fixture.get("model").asString()), true, "openrouter.ai");
		context.setResponse(ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE));
		context.setTimeToFirstChunk(Duration.ofMillis(420));

		observe(context, Duration.ofSeconds(2), null);

		Timer firstChunk = this.meterRegistry.get(TIME_TO_FIRST_CHUNK).timer();
		assertThat(firstChunk.count()).isEqualTo(1);
		assertThat(firstChunk.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(420.0);
	}

	@Test
	void shouldTagFailuresWithErrorTypeAndOutcome() {
		MessagesObservationContext context = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), false, "openrouter.ai");
		context.setOutcome(Outcome.ERROR);

		observe(context, Duration.ofMillis(80), new IllegalStateException("boom"));

		Timer duration = this.meterRegistry.get(OPERATION_DURATION).timer();
		assertThat(duration.getId().getTag("error.type")).isEqualTo("IllegalStateException");
		assertThat(duration.getId().getTag("outcome")).isEqualTo("error");
		assertThat(duration.getId().getTag("gen_ai.response.model")).isEqualTo("none");
		assertThat(this.meterRegistry.find(TOKEN_USAGE).meters()).isEmpty();
		assertThat(this.meterRegistry.get(OPERATIONS).counter().count()).isEqualTo(1.0);
	}

	@Test
	void shouldRecordTheRoutingThatAnApiErrorCarries() {
		MessagesObservationContext context = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), false, "openrouter.ai");
		context.setOutcome(Outcome.ERROR);
		byte[] body = """
				{"type":"error","error":{"type":"api_error","message":"Provider returned error"},
				"openrouter_metadata":{"requested":"anthropic/claude-sonnet-4","strategy":"direct","region":"iad",
				"attempt":3,"is_byok":false}}""".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		observe(context, Duration.ofMillis(80),
				io.github.openrouter.spring.messages.error.internal.ErrorMapper.map(502, new org.springframework.http.HttpHeaders(), body));

		DistributionSummary attempts = summary(ROUTING_ATTEMPTS);
		assertThat(attempts.count()).isEqualTo(1);
		assertThat(attempts.totalAmount()).isEqualTo(3.0);
		assertThat(attempts.getId().getTag(ROUTING_STRATEGY)).isEqualTo("direct");
		assertThat(attempts.getId().getTag(ROUTING_REGION)).isEqualTo("iad");
		assertThat(attempts.getId().getTag(BYOK)).isEqualTo("false");
		assertThat(attempts.getId().getTag("error.type")).isEqualTo("api_error");
	}

	@Test
	void shouldRecordTheRoutingThatAStreamErrorEventCarries() {
		MessageResponse started = ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE);
		MessagesObservationContext context = context("anthropic/claude-sonnet-4", ObservationFixtures.SPEC_RESPONSE);
		context.setOutcome(Outcome.ERROR);
		io.github.openrouter.spring.messages.model.OpenRouterMetadata metadata = tools.jackson.databind.json.JsonMapper
			.builder()
			.build()
			.readValue("{\"strategy\":\"direct\",\"region\":\"iad\",\"attempt\":1,\"is_byok\":false}",
					io.github.openrouter.spring.messages.model.OpenRouterMetadata.class);
		MessageResponse partial = new MessageResponse(started.id(), started.type(), started.role(), started.model(),
				started.content(), started.stopReason(), started.stopSequence(), started.stopDetails(),
				started.container(), started.contextManagement(), started.usage(), started.provider(), metadata,
				started.generationId());

		observe(context, Duration.ofMillis(80), new io.github.openrouter.spring.messages.error.OpenRouterStreamException(
				"api_error", "provider_error", "Upstream connection lost", partial, true));

		DistributionSummary attempts = summary(ROUTING_ATTEMPTS);
		assertThat(attempts.count()).isEqualTo(1);
		assertThat(attempts.totalAmount()).isEqualTo(1.0);
		assertThat(attempts.getId().getTag(ROUTING_REGION)).isEqualTo("iad");
	}

	@Test
	void shouldCapSeriesWhenCallsUseAThousandModels() {
		int models = 1_000;
		for (int i = 0; i < models; i++) {
			String model = "vendor/model-" + i;
			MessagesObservationContext context = new MessagesObservationContext(ObservationFixtures.request(model),
					false, "openrouter.ai");
			observe(context, Duration.ofMillis(10), null);
		}

		int max = DefaultMessagesObservationConvention.DEFAULT_MAX_TAG_VALUES;
		assertThat(this.meterRegistry.find(OPERATION_DURATION).timers()).hasSize(max + 1);
		assertThat(this.meterRegistry.find(OPERATIONS).counters()).hasSize(max + 1);
		Timer other = this.meterRegistry.get(OPERATION_DURATION).tag("gen_ai.request.model", "_OTHER").timer();
		assertThat(other.count()).isEqualTo(models - max);
		long total = this.meterRegistry.find(OPERATION_DURATION).timers().stream().mapToLong(Timer::count).sum();
		assertThat(total).isEqualTo(models);
	}

	@Test
	void shouldCapSeriesAtTheConfiguredLimit() {
		int max = 7;
		ObservationRegistry registry = observationRegistry(max);
		for (int i = 0; i < 50; i++) {
			MessagesObservationContext context = new MessagesObservationContext(
					ObservationFixtures.request("vendor/model-" + i), false, "openrouter.ai");
			Observation observation = MessagesObservationDocumentation.MESSAGES_CALL
				.observation(null, new DefaultMessagesObservationConvention(max), () -> context, registry)
				.start();
			observation.stop();
		}
		Set<String> models = new HashSet<>();
		this.meterRegistry.find(OPERATION_DURATION)
			.timers()
			.forEach((timer) -> models.add(timer.getId().getTag("gen_ai.request.model")));
		assertThat(models).hasSize(max + 1).contains("_OTHER");
	}

	@Test
	void shouldCapValuesEvenWhenACustomConventionDoesNot() {
		int max = 5;
		ObservationRegistry registry = observationRegistry(max);
		MessagesObservationConvention uncapped = new MessagesObservationConvention() {
			@Override
			public KeyValues getLowCardinalityKeyValues(MessagesObservationContext context) {
				return KeyValues.of("model", context.getRequest().model());
			}

			@Override
			public String getName() {
				return "custom";
			}
		};
		for (int i = 0; i < 20; i++) {
			MessagesObservationContext context = new MessagesObservationContext(
					ObservationFixtures.request("vendor/model-" + i), false, null);
			MessagesObservationDocumentation.MESSAGES_CALL
				.observation(uncapped, new DefaultMessagesObservationConvention(), () -> context, registry)
				.start()
				.stop();
		}
		assertThat(this.meterRegistry.find(OPERATION_DURATION).timers()).hasSize(max + 1);
		assertThat(this.meterRegistry.get(OPERATION_DURATION).tag("model", "_OTHER").timer().count())
			.isEqualTo(20 - max);
	}

	@Test
	void shouldRegisterMetersAgainAfterTheRegistryRemovedThem() {
		String model = ObservationFixtures.tree(ObservationFixtures.SPEC_RESPONSE).get("model").asString();
		observe(context(model, ObservationFixtures.SPEC_RESPONSE), Duration.ofMillis(100), null);
		Timer removed = this.meterRegistry.get(OPERATION_DURATION).timer();

		this.meterRegistry.clear();
		observe(context(model, ObservationFixtures.SPEC_RESPONSE), Duration.ofMillis(200), null);

		Timer duration = this.meterRegistry.get(OPERATION_DURATION).timer();
		assertThat(duration).isNotSameAs(removed);
		assertThat(duration.count()).isEqualTo(1);
		assertThat(duration.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200.0);
		assertThat(this.meterRegistry.get(OPERATIONS).counter().count()).isEqualTo(1.0);
		assertThat(tokens("output").count()).isEqualTo(1);
	}

	@Test
	void shouldRecordEveryCallWhenThereAreMoreTagSetsThanTheHandlerKeeps() {
		int models = MessagesMeterObservationHandler.MAX_CACHED_TAG_SETS + 200;
		ObservationRegistry registry = observationRegistry(2 * models);
		MessagesObservationConvention uncapped = new MessagesObservationConvention() {
			@Override
			public KeyValues getLowCardinalityKeyValues(MessagesObservationContext context) {
				return KeyValues.of("model", context.getRequest().model());
			}

			@Override
			public String getName() {
				return "custom";
			}
		};
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < models; i++) {
				MessagesObservationContext context = new MessagesObservationContext(
						ObservationFixtures.request("vendor/model-" + i), false, null);
				MessagesObservationDocumentation.MESSAGES_CALL
					.observation(uncapped, new DefaultMessagesObservationConvention(), () -> context, registry)
					.start()
					.stop();
			}
		}

		assertThat(this.meterRegistry.find(OPERATION_DURATION).timers()).hasSize(models)
			.allSatisfy((timer) -> assertThat(timer.count()).isEqualTo(2));
		assertThat(this.meterRegistry.find(OPERATIONS).counters()).hasSize(models)
			.allSatisfy((counter) -> assertThat(counter.count()).isEqualTo(2.0));
	}

	@Test
	void shouldCapProviderValues() {
		int max = 5;
		int providers = 20;
		ObservationRegistry registry = observationRegistry(max);
		MessageResponse spec = ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE);
		for (int i = 0; i < providers; i++) {
			MessagesObservationContext context = new MessagesObservationContext(
					ObservationFixtures.request(spec.model()), false, "openrouter.ai");
			context.setResponse(withProvider(spec, "provider-" + i));
			MessagesObservationDocumentation.MESSAGES_CALL
				.observation(null, new DefaultMessagesObservationConvention(), () -> context, registry)
				.start()
				.stop();
		}

		Set<String> tagged = new HashSet<>();
		this.meterRegistry.find(OPERATIONS).counters().forEach((counter) -> tagged.add(counter.getId().getTag(PROVIDER)));
		assertThat(tagged).hasSize(max + 1).contains("provider-0", "provider-4", "_OTHER");
		assertThat(this.meterRegistry.get(OPERATIONS).tag(PROVIDER, "_OTHER").counter().count())
			.isEqualTo(providers - max);
		assertThat(this.meterRegistry.get(OPERATIONS).tag(PROVIDER, "provider-0").counter().count()).isEqualTo(1.0);
	}

	@Test
	void shouldNeverTagPromptTextIdsUserOrSession() {
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.FULL_USAGE_RESPONSE);
		MessagesObservationContext context = context(fixture.at("/openrouter_metadata/requested").asString(),
				ObservationFixtures.FULL_USAGE_RESPONSE);
		observe(context, Duration.ofSeconds(1), null);

		Set<String> forbidden = Set.of(ObservationFixtures.PROMPT, "PROMPT-7f3a", ObservationFixtures.USER,
				ObservationFixtures.SESSION, fixture.get("id").asString());
		Set<String> tagValues = new HashSet<>();
		this.meterRegistry.getMeters()
			.forEach((meter) -> meter.getId().getTags().stream().map(Tag::getValue).forEach(tagValues::add));
		context.getAllKeyValues().forEach((keyValue) -> tagValues.add(keyValue.getValue()));
		assertThat(tagValues).isNotEmpty()
			.allSatisfy((value) -> assertThat(forbidden).noneMatch((secret) -> value.contains(secret)));
	}

	@Test
	void shouldRecognizeFallbacks() {
		assertThat(MessagesMeterObservationHandler.isFallback("anthropic/claude-sonnet-4",
				"anthropic/claude-3.7-sonnet"))
			.isTrue();
		assertThat(MessagesMeterObservationHandler.isFallback("anthropic/claude-sonnet-4",
				"anthropic/claude-sonnet-4"))
			.isFalse();
		assertThat(MessagesMeterObservationHandler.isFallback("meta-llama/llama-3.3-70b-instruct:free",
				"meta-llama/llama-3.3-70b-instruct"))
			.isFalse();
		assertThat(MessagesMeterObservationHandler.isFallback("openrouter/auto", "openai/gpt-4o")).isFalse();
		assertThat(MessagesMeterObservationHandler.isFallback("~anthropic/claude-sonnet-latest",
				"anthropic/claude-sonnet-4"))
			.isFalse();
		assertThat(MessagesMeterObservationHandler.isFallback(null, "anthropic/claude-sonnet-4")).isFalse();
	}

	private ObservationRegistry observationRegistry(int maxTagValues) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new MessagesMeterObservationHandler(this.meterRegistry, maxTagValues));
		return registry;
	}

	private MessagesObservationContext context(String requestedModel, String responseFixture) {
		MessageRequest request = ObservationFixtures.request(requestedModel);
		MessageResponse response = ObservationFixtures.response(responseFixture);
		MessagesObservationContext context = new MessagesObservationContext(request, false, "openrouter.ai");
		context.setResponse(response);
		return context;
	}

	private void observe(MessagesObservationContext context, Duration took, @Nullable Throwable error) {
		Observation observation = MessagesObservationDocumentation.MESSAGES_CALL
			.observation(null, new DefaultMessagesObservationConvention(), () -> context, this.observationRegistry)
			.start();
		this.clock.add(took);
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	private static MessageResponse withProvider(MessageResponse response, String provider) {
		return new MessageResponse(response.id(), response.type(), response.role(), response.model(),
				response.content(), response.stopReason(), response.stopSequence(), response.stopDetails(),
				response.container(), response.contextManagement(), response.usage(), provider,
				response.openrouterMetadata(), response.generationId());
	}

	private DistributionSummary tokens(String type) {
		return this.meterRegistry.get(TOKEN_USAGE).tag(TOKEN_TYPE, type).summary();
	}

	private DistributionSummary summary(String name) {
		return this.meterRegistry.get(name).summary();
	}

}
