package io.github.openrouter.spring.messages.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stage of OpenRouter's request pipeline (guardrail, plugin, server tools, ...); {@code data} is kept as JSON.
 *
 * @param type the {@code type} value, or {@code null}
 * @param name the {@code name} value, or {@code null}
 * @param summary the {@code summary} value, or {@code null}
 * @param data the {@code data} value, or {@code null}
 * @param guardrailId the {@code guardrail_id} value, or {@code null}
 * @param guardrailScope the {@code guardrail_scope} value, or {@code null}
 * @param costUsd the {@code cost_usd} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineStage(@JsonProperty("type") @Nullable PipelineStageType type,
		@JsonProperty("name") @Nullable String name,
		@JsonProperty("summary") @Nullable String summary,
		@JsonProperty("data") @Nullable JsonNode data,
		@JsonProperty("guardrail_id") @Nullable String guardrailId,
		@JsonProperty("guardrail_scope") @Nullable String guardrailScope,
		@JsonProperty("cost_usd") @Nullable BigDecimal costUsd) {

}
