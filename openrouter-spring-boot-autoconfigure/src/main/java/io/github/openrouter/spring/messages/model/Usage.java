package io.github.openrouter.spring.messages.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Token usage and cost of a response; in streams each report is cumulative.
 *
 * @param inputTokens the {@code input_tokens} value, or {@code null}
 * @param outputTokens the {@code output_tokens} value, or {@code null}
 * @param cacheCreationInputTokens the {@code cache_creation_input_tokens} value, or {@code null}
 * @param cacheReadInputTokens the {@code cache_read_input_tokens} value, or {@code null}
 * @param cacheCreation the {@code cache_creation} value, or {@code null}
 * @param outputTokensDetails the {@code output_tokens_details} value, or {@code null}
 * @param serverToolUse the {@code server_tool_use} value, or {@code null}
 * @param serviceTier the {@code service_tier} value, or {@code null}
 * @param inferenceGeo the {@code inference_geo} value, or {@code null}
 * @param speed the {@code speed} value, or {@code null}
 * @param iterations the {@code iterations} value, or {@code null}
 * @param cost the {@code cost} value, or {@code null}
 * @param costDetails the {@code cost_details} value, or {@code null}
 * @param isByok the {@code is_byok} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(@JsonProperty("input_tokens") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer inputTokens,
		@JsonProperty("output_tokens") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer outputTokens,
		@JsonProperty("cache_creation_input_tokens") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer cacheCreationInputTokens,
		@JsonProperty("cache_read_input_tokens") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Integer cacheReadInputTokens,
		@JsonProperty("cache_creation") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable CacheCreation cacheCreation,
		@JsonProperty("output_tokens_details") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable OutputTokensDetails outputTokensDetails,
		@JsonProperty("server_tool_use") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable ServerToolUsage serverToolUse,
		@JsonProperty("service_tier") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable ServiceTier serviceTier,
		@JsonProperty("inference_geo") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String inferenceGeo,
		@JsonProperty("speed") @Nullable Speed speed,
		@JsonProperty("iterations") @Nullable List<UsageIteration> iterations,
		@JsonProperty("cost") @Nullable BigDecimal cost,
		@JsonProperty("cost_details") @Nullable CostDetails costDetails,
		@JsonProperty("is_byok") @Nullable Boolean isByok,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param inputTokens the {@code input_tokens} value, or {@code null}
	 * @param outputTokens the {@code output_tokens} value, or {@code null}
	 * @param cacheCreationInputTokens the {@code cache_creation_input_tokens} value, or {@code null}
	 * @param cacheReadInputTokens the {@code cache_read_input_tokens} value, or {@code null}
	 * @param cacheCreation the {@code cache_creation} value, or {@code null}
	 * @param outputTokensDetails the {@code output_tokens_details} value, or {@code null}
	 * @param serverToolUse the {@code server_tool_use} value, or {@code null}
	 * @param serviceTier the {@code service_tier} value, or {@code null}
	 * @param inferenceGeo the {@code inference_geo} value, or {@code null}
	 * @param speed the {@code speed} value, or {@code null}
	 * @param iterations the {@code iterations} value, or {@code null}
	 * @param cost the {@code cost} value, or {@code null}
	 * @param costDetails the {@code cost_details} value, or {@code null}
	 * @param isByok the {@code is_byok} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public Usage {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		iterations = (iterations != null) ? List.copyOf(iterations) : null;
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param inputTokens the {@code input_tokens} value, or {@code null}
	 * @param outputTokens the {@code output_tokens} value, or {@code null}
	 * @param cacheCreationInputTokens the {@code cache_creation_input_tokens} value, or {@code null}
	 * @param cacheReadInputTokens the {@code cache_read_input_tokens} value, or {@code null}
	 * @param cacheCreation the {@code cache_creation} value, or {@code null}
	 * @param outputTokensDetails the {@code output_tokens_details} value, or {@code null}
	 * @param serverToolUse the {@code server_tool_use} value, or {@code null}
	 * @param serviceTier the {@code service_tier} value, or {@code null}
	 * @param inferenceGeo the {@code inference_geo} value, or {@code null}
	 * @param speed the {@code speed} value, or {@code null}
	 * @param iterations the {@code iterations} value, or {@code null}
	 * @param cost the {@code cost} value, or {@code null}
	 * @param costDetails the {@code cost_details} value, or {@code null}
	 * @param isByok the {@code is_byok} value, or {@code null}
	 */
	public Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens, @Nullable Integer cacheCreationInputTokens, @Nullable Integer cacheReadInputTokens, @Nullable CacheCreation cacheCreation, @Nullable OutputTokensDetails outputTokensDetails, @Nullable ServerToolUsage serverToolUse, @Nullable ServiceTier serviceTier, @Nullable String inferenceGeo, @Nullable Speed speed, @Nullable List<UsageIteration> iterations, @Nullable BigDecimal cost, @Nullable CostDetails costDetails, @Nullable Boolean isByok) {
		this(inputTokens, outputTokens, cacheCreationInputTokens, cacheReadInputTokens, cacheCreation, outputTokensDetails, serverToolUse, serviceTier, inferenceGeo, speed, iterations, cost, costDetails, isByok, Map.of());
	}

	/**
	 * Returns usage with only input and output token counts.
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 * @return the usage
	 */
	public static Usage of(int inputTokens, int outputTokens) {
		return new Usage(inputTokens, outputTokens, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * Merges a later usage report into this one as streams require: every value the later report
	 * sets replaces this one, values it leaves out or sets to null are kept, nothing is summed; so
	 * for the fields this version does not know.
	 * @param later the later report, may be {@code null}
	 * @return the merged usage
	 */
	public Usage merge(@Nullable Usage later) {
		if (later == null) {
			return this;
		}
		return new Usage(pick(later.inputTokens, this.inputTokens),
				pick(later.outputTokens, this.outputTokens),
				pick(later.cacheCreationInputTokens, this.cacheCreationInputTokens),
				pick(later.cacheReadInputTokens, this.cacheReadInputTokens),
				pick(later.cacheCreation, this.cacheCreation),
				pick(later.outputTokensDetails, this.outputTokensDetails),
				pick(later.serverToolUse, this.serverToolUse),
				pick(later.serviceTier, this.serviceTier),
				pick(later.inferenceGeo, this.inferenceGeo),
				pick(later.speed, this.speed),
				pick(later.iterations, this.iterations),
				pick(later.cost, this.cost),
				pick(later.costDetails, this.costDetails),
				pick(later.isByok, this.isByok), merge(this.additionalProperties, later.additionalProperties));
	}

	/**
	 * Returns all input tokens: uncached input plus cache reads plus cache writes.
	 * @return the total, treating missing counts as zero
	 */
	public int totalInputTokens() {
		return zeroIfNull(this.inputTokens) + zeroIfNull(this.cacheReadInputTokens) + zeroIfNull(this.cacheCreationInputTokens);
	}

	private static Map<String, JsonNode> merge(Map<String, JsonNode> earlier, Map<String, JsonNode> later) {
		if (earlier.isEmpty() || later.isEmpty()) {
			return later.isEmpty() ? earlier : later;
		}
		Map<String, JsonNode> merged = new LinkedHashMap<>(earlier);
		merged.putAll(later);
		return merged;
	}

	private static <T> @Nullable T pick(@Nullable T later, @Nullable T earlier) {
		return (later != null) ? later : earlier;
	}

	private static int zeroIfNull(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

}
