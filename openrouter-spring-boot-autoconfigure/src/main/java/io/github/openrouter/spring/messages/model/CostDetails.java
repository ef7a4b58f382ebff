package io.github.openrouter.spring.messages.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Upstream cost breakdown in USD.
 *
 * @param upstreamInferencePromptCost the {@code upstream_inference_prompt_cost} value, or {@code null}
 * @param upstreamInferenceCompletionsCost the {@code upstream_inference_completions_cost} value, or {@code null}
 * @param upstreamInferenceCost the {@code upstream_inference_cost} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CostDetails(@JsonProperty("upstream_inference_prompt_cost") @Nullable BigDecimal upstreamInferencePromptCost,
		@JsonProperty("upstream_inference_completions_cost") @Nullable BigDecimal upstreamInferenceCompletionsCost,
		@JsonProperty("upstream_inference_cost") @Nullable BigDecimal upstreamInferenceCost) {

}
