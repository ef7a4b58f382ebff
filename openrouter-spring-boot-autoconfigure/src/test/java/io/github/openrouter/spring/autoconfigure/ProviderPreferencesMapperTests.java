package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ProviderPreferencesMapper}.
 *
 * @author OpenRouter Spring contributors
 */
class ProviderPreferencesMapperTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final OpenRouterProperties.Provider provider = new OpenRouterProperties().getProvider();

	@Test
	void shouldReturnNullWhenNothingIsSet() {
		assertThat(ProviderPreferencesMapper.toPreferences(this.provider)).isNull();
	}

	@Test
	void shouldMapEveryPreference() {
		this.provider.setOrder(List.of("anthropic", "google-vertex"));
		this.provider.setOnly(List.of("anthropic", "amazon-bedrock"));
		this.provider.setIgnore(List.of("deepinfra/turbo"));
		this.provider.setAllowFallbacks(false);
		this.provider.setRequireParameters(true);
		this.provider.setDataCollection(OpenRouterProperties.DataCollection.DENY);
		this.provider.setZdr(true);
		this.provider.setEnforceDistillableText(false);
		this.provider.setQuantizations(
				List.of(OpenRouterProperties.Quantization.FP8, OpenRouterProperties.Quantization.MXFP4));
		this.provider.setSort(OpenRouterProperties.Sort.EXACTO);
		this.provider.setSortPartition(OpenRouterProperties.SortPartition.MODEL);
		this.provider.getPreferredMaxLatency().setP50(Duration.ofSeconds(2));
		this.provider.getPreferredMaxLatency().setP99(Duration.ofMillis(12500));
		this.provider.getPreferredMinThroughput().setP75(25.5);
		this.provider.getMaxPrice().setPrompt(new BigDecimal("1.250"));
		this.provider.getMaxPrice().setCompletion(new BigDecimal("10"));
		this.provider.getMaxPrice().setImage(new BigDecimal("0.04"));
		this.provider.getMaxPrice().setAudio(new BigDecimal("0.5"));
		this.provider.getMaxPrice().setRequest(new BigDecimal("0"));
		assertThat(toJson(ProviderPreferencesMapper.toPreferences(this.provider))).isEqualTo(this.mapper.readTree("""
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
		this.provider.setSort(OpenRouterProperties.Sort.THROUGHPUT);
		assertThat(toJson(ProviderPreferencesMapper.toPreferences(this.provider)))
			.isEqualTo(this.mapper.readTree("{\"sort\": \"throughput\"}"));
	}

	@Test
	void shouldSendPartitionWithoutSortStrategy() {
		this.provider.setSortPartition(OpenRouterProperties.SortPartition.NONE);
		assertThat(toJson(ProviderPreferencesMapper.toPreferences(this.provider)))
			.isEqualTo(this.mapper.readTree("{\"sort\": {\"by\": null, \"partition\": \"none\"}}"));
	}

	private JsonNode toJson(ProviderPreferences preferences) {
		// Through text, so numbers compare by value like the expected JSON.
		return this.mapper.readTree(this.mapper.writeValueAsString(preferences));
	}

}
