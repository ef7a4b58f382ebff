package io.github.openrouter.spring.messages.model.routing;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Plugin}, {@link ProviderPreferences}, {@link TraceConfig} and
 * {@link StopServerToolsCondition}.
 */
class RoutingTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Arguments> plugins() {
		return Stream.of(
				Arguments.of(AutoRouterPlugin.class,
						"{\"id\":\"auto-router\",\"enabled\":true,\"allowed_models\":[\"anthropic/*\"],\"excluded_models\":[\"openai/gpt-4o\"],"
								+ "\"cost_tier\":\"low\",\"cost_quality_tradeoff\":3,\"pin_model\":true}"),
				Arguments.of(AutoBetaRouterPlugin.class, "{\"id\":\"auto-beta-router\",\"cost_tier\":\"max\"}"),
				Arguments.of(ModerationPlugin.class, "{\"id\":\"moderation\"}"),
				Arguments.of(WebPlugin.class,
						"{\"id\":\"web\",\"enabled\":true,\"engine\":\"exa\",\"max_results\":5,\"max_uses\":2,\"search_prompt\":\"p\","
								+ "\"include_domains\":[\"a.com\"],\"exclude_domains\":[\"b.com\"],\"mode\":\"deep\",\"user_location\":"
								+ "{\"type\":\"approximate\",\"city\":\"Paris\"}}"),
				Arguments.of(WebFetchPlugin.class,
						"{\"id\":\"web-fetch\",\"max_uses\":1,\"max_content_tokens\":1000,\"allowed_domains\":[\"a\"],\"blocked_domains\":[\"b\"]}"),
				Arguments.of(FileParserPlugin.class, "{\"id\":\"file-parser\",\"enabled\":true,\"pdf\":{\"engine\":\"mistral-ocr\"}}"),
				Arguments.of(ResponseHealingPlugin.class, "{\"id\":\"response-healing\",\"enabled\":true}"),
				Arguments.of(ContextCompressionPlugin.class, "{\"id\":\"context-compression\",\"enabled\":true,\"engine\":\"middle-out\"}"),
				Arguments.of(ParetoRouterPlugin.class,
						"{\"id\":\"pareto-router\",\"enabled\":true,\"min_coding_score\":0.75,\"max_price\":3.5,\"price_source\":\"weighted_avg\"}"),
				Arguments.of(FusionPlugin.class,
						"{\"id\":\"fusion\",\"enabled\":true,\"analysis_models\":[\"a/b\",\"c/d\"],\"model\":\"e/f\",\"max_tool_calls\":4,"
								+ "\"preset\":\"general-fast\",\"tools\":[{\"type\":\"openrouter:web_search\",\"parameters\":{\"max_results\":3}}]}"),
				Arguments.of(UnknownPlugin.class, "{\"id\":\"brand-new\",\"knob\":{\"level\":11}}"));
	}

	@ParameterizedTest
	@MethodSource("plugins")
	void shouldReadPluginAndWriteItBackUnchanged(Class<? extends Plugin> expectedType, String json) {
		Plugin plugin = this.mapper.readValue(json, Plugin.class);
		assertThat(plugin).isInstanceOf(expectedType);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(plugin))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldExposeIdOfUnknownPlugin() {
		assertThat(this.mapper.readValue("{\"id\":\"brand-new\"}", Plugin.class).id()).isEqualTo("brand-new");
	}

	@Test
	void shouldReadEveryProviderPreferenceAndWriteItBackUnchanged() {
		String json = "{\"order\":[\"anthropic\",\"google-vertex\"],\"allow_fallbacks\":false,\"require_parameters\":true,"
				+ "\"data_collection\":\"deny\",\"zdr\":true,\"enforce_distillable_text\":false,\"only\":[\"anthropic\"],"
				+ "\"ignore\":[\"deepinfra/turbo\"],\"quantizations\":[\"fp8\",\"bf16\"],\"sort\":{\"by\":\"throughput\",\"partition\":\"none\"},"
				+ "\"preferred_max_latency\":{\"p50\":1.5,\"p90\":3},\"preferred_min_throughput\":50,"
				+ "\"max_price\":{\"prompt\":\"1\",\"completion\":\"2.5\",\"image\":\"0.01\",\"audio\":\"0.02\",\"request\":\"0.001\"}}";
		ProviderPreferences preferences = this.mapper.readValue(json, ProviderPreferences.class);
		assertThat(preferences.sort()).isEqualTo(ProviderSort.of("throughput", "none"));
		assertThat(preferences.preferredMinThroughput().value()).isEqualByComparingTo("50");
		assertThat(preferences.preferredMaxLatency().p90()).isEqualByComparingTo("3");
		assertThat(preferences.maxPrice().completion()).isEqualTo("2.5");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(preferences))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldKeepStringFormOfSortAndNumberFormOfLatency() {
		String json = "{\"sort\":\"price\",\"preferred_max_latency\":2.5}";
		ProviderPreferences preferences = this.mapper.readValue(json, ProviderPreferences.class);
		assertThat(preferences.sort()).isEqualTo(ProviderSort.by("price"));
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(preferences))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldBuildProviderPreferences() {
		ProviderPreferences preferences = ProviderPreferences.builder()
			.order(List.of("anthropic"))
			.allowFallbacks(false)
			.sort(ProviderSort.by("latency"))
			.preferredMaxLatency(PerformancePreference.percentiles(2, null, 5, null))
			.build();
		assertThat(this.mapper.writeValueAsString(preferences)).isEqualTo(
				"{\"order\":[\"anthropic\"],\"allow_fallbacks\":false,\"sort\":\"latency\",\"preferred_max_latency\":{\"p50\":2,\"p90\":5}}");
		assertThat(preferences.toBuilder().zdr(true).build().order()).containsExactly("anthropic");
	}

	@Test
	void shouldKeepKnownAndExtraTraceKeys() {
		String json = "{\"trace_id\":\"t\",\"trace_name\":\"n\",\"span_name\":\"s\",\"generation_name\":\"g\",\"parent_span_id\":\"p\","
				+ "\"environment\":\"prod\",\"tags\":[\"a\"]}";
		TraceConfig trace = this.mapper.readValue(json, TraceConfig.class);
		assertThat(trace.traceId()).isEqualTo("t");
		assertThat(trace.extra()).containsEntry("environment", "prod").containsKey("tags");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(trace))).isEqualTo(this.mapper.readTree(json));
		assertThat(this.mapper.writeValueAsString(TraceConfig.ofTraceId("x").withExtra("k", 1)))
			.isEqualTo("{\"trace_id\":\"x\",\"k\":1}");
	}

	static Stream<Arguments> conditions() {
		return Stream.of(Arguments.of(StepCountIsCondition.class, "{\"type\":\"step_count_is\",\"step_count\":5}"),
				Arguments.of(HasToolCallCondition.class, "{\"type\":\"has_tool_call\",\"tool_name\":\"finish\"}"),
				Arguments.of(MaxTokensUsedCondition.class, "{\"type\":\"max_tokens_used\",\"max_tokens\":10000}"),
				Arguments.of(MaxCostCondition.class, "{\"type\":\"max_cost\",\"max_cost_in_dollars\":0.5}"),
				Arguments.of(FinishReasonIsCondition.class, "{\"type\":\"finish_reason_is\",\"reason\":\"stop\"}"),
				Arguments.of(UnknownStopServerToolsCondition.class, "{\"type\":\"wall_time\",\"seconds\":30}"));
	}

	@ParameterizedTest
	@MethodSource("conditions")
	void shouldReadConditionAndWriteItBackUnchanged(Class<? extends StopServerToolsCondition> expectedType, String json) {
		StopServerToolsCondition condition = this.mapper.readValue(json, StopServerToolsCondition.class);
		assertThat(condition).isInstanceOf(expectedType);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(condition))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldWriteFallbackModel() {
		assertThat(this.mapper.writeValueAsString(new FallbackModel("a/b"))).isEqualTo("{\"model\":\"a/b\"}");
	}

}
