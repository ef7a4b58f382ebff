package io.github.openrouter.spring.messages.observation;

import java.util.List;

import io.github.openrouter.spring.messages.model.OutputConfig;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext.Outcome;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultMessagesObservationConvention}.
 */
class DefaultMessagesObservationConventionTests {

	private final DefaultMessagesObservationConvention convention = new DefaultMessagesObservationConvention();

	@Test
	void shouldUseTheGenAiNames() {
		MessagesObservationContext context = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), false, "openrouter.ai");
		assertThat(this.convention.getName()).isEqualTo("gen_ai.client.operation");
		assertThat(this.convention.getContextualName(context)).isEqualTo("chat anthropic/claude-sonnet-4");
		assertThat(this.convention.supportsContext(context)).isTrue();
	}

	@Test
	void shouldDescribeASuccessfulCall() {
		JsonNode fixture = ObservationFixtures.tree(ObservationFixtures.FULL_USAGE_RESPONSE);
		MessagesObservationContext context = new MessagesObservationContext(
				ObservationFixtures.request(fixture.at("/openrouter_metadata/requested").asString()), false,
				"openrouter.ai");
		context.setResponse(ObservationFixtures.response(ObservationFixtures.FULL_USAGE_RESPONSE));

		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactlyInAnyOrder(
				KeyValue.of("gen_ai.operation.name", "chat"), KeyValue.of("gen_ai.provider.name", "openrouter"),
				KeyValue.of("gen_ai.request.model", fixture.at("/openrouter_metadata/requested").asString()),
				KeyValue.of("gen_ai.response.model", fixture.get("model").asString()),
				KeyValue.of("server.address", "openrouter.ai"), KeyValue.of("error.type", "none"),
				KeyValue.of("outcome", "success"));
		JsonNode usage = fixture.get("usage");
		long input = usage.get("input_tokens").asLong() + usage.get("cache_read_input_tokens").asLong()
				+ usage.get("cache_creation_input_tokens").asLong();
		assertThat(this.convention.getHighCardinalityKeyValues(context)).contains(
				KeyValue.of("gen_ai.request.max_tokens", "1024"), KeyValue.of("gen_ai.request.temperature", "0.5"),
				KeyValue.of("gen_ai.response.finish_reasons", fixture.get("stop_reason").asString()),
				KeyValue.of("gen_ai.usage.input_tokens", String.valueOf(input)),
				KeyValue.of("gen_ai.usage.output_tokens", usage.get("output_tokens").asString()),
				KeyValue.of("openrouter.provider", fixture.get("provider").asString()));
	}

	@Test
	void shouldDescribeAFailedCall() {
		MessagesObservationContext context = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), true, "openrouter.ai");
		context.setError(new IllegalStateException("boom"));
		context.setOutcome(Outcome.ERROR);

		KeyValues keyValues = this.convention.getLowCardinalityKeyValues(context);

		assertThat(keyValues).contains(KeyValue.of("error.type", "IllegalStateException"),
				KeyValue.of("outcome", "error"), KeyValue.of("gen_ai.response.model", "none"));
	}

	@Test
	void shouldNotCallACancellationAnError() {
		MessagesObservationContext context = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), true, null);
		context.setOutcome(Outcome.CANCELLED);

		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("error.type", "none"),
				KeyValue.of("outcome", "cancelled"), KeyValue.of("server.address", "none"));
	}

	@Test
	void shouldAlwaysEmitTheSameKeys() {
		MessagesObservationContext success = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), false, "openrouter.ai");
		success.setResponse(ObservationFixtures.response(ObservationFixtures.SPEC_RESPONSE));
		MessagesObservationContext failure = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), false, null);
		failure.setError(new IllegalStateException());
		failure.setOutcome(Outcome.ERROR);

		assertThat(keys(this.convention.getLowCardinalityKeyValues(success)))
			.isEqualTo(keys(this.convention.getLowCardinalityKeyValues(failure)));
	}

	@Test
	void shouldCapModelValues() {
		DefaultMessagesObservationConvention capped = new DefaultMessagesObservationConvention(3);
		List<String> values = new java.util.ArrayList<>();
		for (int i = 0; i < 10; i++) {
			MessagesObservationContext context = new MessagesObservationContext(
					ObservationFixtures.request("vendor/model-" + i), false, null);
			values.add(capped.getLowCardinalityKeyValues(context)
				.stream()
				.filter((keyValue) -> keyValue.getKey().equals("gen_ai.request.model"))
				.findFirst()
				.orElseThrow()
				.getValue());
		}
		assertThat(values).containsExactly("vendor/model-0", "vendor/model-1", "vendor/model-2", "_OTHER", "_OTHER",
				"_OTHER", "_OTHER", "_OTHER", "_OTHER", "_OTHER");
	}

	@Test
	void shouldRecordTheJsonOutputTypeButNotTheSchema() {
		JsonNode schema = JsonMapper.builder()
			.build()
			.readTree("{\"type\":\"object\",\"properties\":{\"secret_field\":{\"type\":\"string\"}}}");
		MessagesObservationContext json = new MessagesObservationContext(ObservationFixtures.request("anthropic/claude-sonnet-4")
			.toBuilder()
			.outputConfig(OutputConfig.jsonSchema(schema))
			.build(), false, "openrouter.ai");
		MessagesObservationContext text = new MessagesObservationContext(
				ObservationFixtures.request("anthropic/claude-sonnet-4"), false, "openrouter.ai");

		assertThat(this.convention.getHighCardinalityKeyValues(json)).contains(KeyValue.of("gen_ai.output.type", "json"));
		assertThat(this.convention.getHighCardinalityKeyValues(json).and(this.convention.getLowCardinalityKeyValues(json)))
			.noneMatch((keyValue) -> keyValue.getValue().contains("secret_field"));
		assertThat(keys(this.convention.getHighCardinalityKeyValues(text))).doesNotContain("gen_ai.output.type");
		assertThat(keys(this.convention.getLowCardinalityKeyValues(json)))
			.isEqualTo(keys(this.convention.getLowCardinalityKeyValues(text)));
	}

	private static List<String> keys(KeyValues keyValues) {
		return keyValues.stream().map(KeyValue::getKey).sorted().toList();
	}

}
