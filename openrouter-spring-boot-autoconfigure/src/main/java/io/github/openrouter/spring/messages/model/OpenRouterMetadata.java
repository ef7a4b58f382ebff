package io.github.openrouter.spring.messages.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Routing metadata OpenRouter returns when {@code X-OpenRouter-Metadata: enabled} is sent.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenRouterMetadata(@JsonProperty("requested") @Nullable String requested,
		@JsonProperty("strategy") @Nullable RoutingStrategy strategy,
		@JsonProperty("region") @Nullable String region,
		@JsonProperty("summary") @Nullable String summary,
		@JsonProperty("attempt") @Nullable Integer attempt,
		@JsonProperty("is_byok") @Nullable Boolean isByok,
		@JsonProperty("endpoints") @Nullable RoutingEndpoints endpoints,
		@JsonProperty("attempts") @Nullable List<RoutingAttempt> attempts,
		@JsonProperty("params") @Nullable JsonNode params,
		@JsonProperty("pipeline") @Nullable List<PipelineStage> pipeline) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 */
	public OpenRouterMetadata {
		attempts = (attempts != null) ? List.copyOf(attempts) : null;
		pipeline = (pipeline != null) ? List.copyOf(pipeline) : null;
	}

}
