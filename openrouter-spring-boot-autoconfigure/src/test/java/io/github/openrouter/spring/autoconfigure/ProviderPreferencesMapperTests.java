package io.github.openrouter.spring.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.model.routing.DataCollection;
import io.github.openrouter.spring.messages.model.routing.MaxPrice;
import io.github.openrouter.spring.messages.model.routing.PerformancePreference;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.routing.Quantization;
import io.github.openrouter.spring.messages.model.routing.SortPartition;
import io.github.openrouter.spring.messages.model.routing.SortStrategy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProviderPreferencesMapper}.
 *
 * @author OpenRouter Spring contributors
 */
class ProviderPreferencesMapperTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldReturnNullWhenNothingIsSet() {
		OpenRouterProperties defaults = new Binder(new MapConfigurationPropertySource()).bindOrCreate("openrouter",
				OpenRouterProperties.class);
		assertThat(ProviderPreferencesMapper.toPreferences(defaults.provider())).isNull();
	}

	@Test
	void shouldMapEveryPreference() {
		OpenRouterProperties.Provider provider = new OpenRouterProperties.Provider(
				List.of("anthropic", "google-vertex"), List.of("anthropic", "amazon-bedrock"), List.of("deepinfra/turbo"),
				false, true, DataCollection.DENY, true, false, List.of(Quantization.FP8, Quantization.MXFP4),
				SortStrategy.EXACTO, SortPartition.MODEL,
				new OpenRouterProperties.Latency(Duration.ofSeconds(2), null, null, Duration.ofMillis(12500)),
				new OpenRouterProperties.Throughput(null, 25.5, null, null),
				new OpenRouterProperties.MaxPrice(new BigDecimal("1.250"), new BigDecimal("10"), new BigDecimal("0.04"),
						new BigDecimal("0.5"), new BigDecimal("0")));
		assertThat(toJson(ProviderPreferencesMapper.toPreferences(provider))).isEqualTo(this.mapper.readTree("""
				{
				  "order": ["anthropic", "google-vertex"],
				  "only": ["anthropic", "amazon-bedrock"],
				  "ignore": ["deepinfra/turbo"],
				  "allow_fallbacks": false,
				  "require_parameters": true,
				  "data_collection": "deny",
				  "zdr": true,
				  "enforce_distillable_text": false,
				  "quantizations": ["fp8", "mxfp4"],
				  "sort": {"by": "exacto", "partition": "model"},
				  "preferred_max_latency": {"p50": 2, "p99": 12.5},
				  "preferred_min_throughput": {"p75": 25.5},
				  "max_price": {"prompt": "1.25", "completion": "10", "image": "0.04", "audio": "0.5", "request": "0"}
				}
				"""));
	}

	@Test
	void shouldSendSortAsPlainStringWithoutPartition() {
		assertThat(toJson(ProviderPreferencesMapper.toPreferences(bind("sort", "throughput"))))
			.isEqualTo(this.mapper.readTree("{\"sort\": \"throughput\"}"));
	}

	@Test
	void shouldSendPartitionWithoutSortStrategy() {
		assertThat(toJson(ProviderPreferencesMapper.toPreferences(bind("sort-partition", "none"))))
			.isEqualTo(this.mapper.readTree("{\"sort\": {\"by\": null, \"partition\": \"none\"}}"));
	}

	@Test
	void shouldSendOnlyTheNestedValuesThatAreSet() {
		assertThat(toJson(ProviderPreferencesMapper.toPreferences(bind("preferred-max-latency.p90", "1500ms"))))
			.isEqualTo(this.mapper.readTree("{\"preferred_max_latency\": {\"p90\": 1.5}}"));
	}

	@Test
	void shouldCarryEveryFieldOfTheModel() {
		assertThat(names(OpenRouterProperties.Provider.class)).containsExactlyInAnyOrderElementsOf(
				concat(names(ProviderPreferences.class), List.of("sortPartition")));
		assertThat(names(OpenRouterProperties.MaxPrice.class)).containsExactlyElementsOf(names(MaxPrice.class));
		List<String> percentiles = names(PerformancePreference.class).stream()
			.filter((name) -> !name.equals("value"))
			.toList();
		assertThat(names(OpenRouterProperties.Latency.class)).containsExactlyElementsOf(percentiles);
		assertThat(names(OpenRouterProperties.Throughput.class)).containsExactlyElementsOf(percentiles);
	}

	private static OpenRouterProperties.Provider bind(String name, String value) {
		return new Binder(new MapConfigurationPropertySource(Map.of("openrouter.provider." + name, value)))
			.bind("openrouter.provider", OpenRouterProperties.Provider.class)
			.get();
	}

	private static List<String> names(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}

	private JsonNode toJson(ProviderPreferences preferences) {
		// Through text, so numbers compare by value like the expected JSON.
		return this.mapper.readTree(this.mapper.writeValueAsString(preferences));
	}

}
