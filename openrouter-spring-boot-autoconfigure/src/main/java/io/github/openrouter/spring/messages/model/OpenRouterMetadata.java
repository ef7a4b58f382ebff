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
 * @param requested the {@code requested} value, or {@code null}
 * @param strategy the {@code strategy} value, or {@code null}
 * @param region the {@code region} value, or {@code null}
 * @param summary the {@code summary} value, or {@code null}
 * @param attempt the {@code attempt} value, or {@code null}
 * @param isByok the {@code is_byok} value, or {@code null}
 * @param endpoints the {@code endpoints} value, or {@code null}
 * @param attempts the {@code attempts} value, or {@code null}
 * @param params the {@code params} value, or {@code null}
 * @param pipeline the {@code pipeline} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenRouterMetadata(@JsonProperty("requested") @Nullable String requested,
		@JsonProperty("strategy") @Nullable RoutingStrategy strategy,
		@JsonProperty("region") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String region,
		@JsonProperty("summary") @Nullable String summary,
		@JsonProperty("attempt") @Nullable Integer attempt,
		@JsonProperty("is_byok") @Nullable Boolean isByok,
		@JsonProperty("endpoints") @Nullable RoutingEndpoints endpoints,
		@JsonProperty("attempts") @Nullable List<RoutingAttempt> attempts,
		@JsonProperty("params") @Nullable JsonNode params,
		@JsonProperty("pipeline") @Nullable List<PipelineStage> pipeline) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param requested the {@code requested} value, or {@code null}
	 * @param strategy the {@code strategy} value, or {@code null}
	 * @param region the {@code region} value, or {@code null}
	 * @param summary the {@code summary} value, or {@code null}
	 * @param attempt the {@code attempt} value, or {@code null}
	 * @param isByok the {@code is_byok} value, or {@code null}
	 * @param endpoints the {@code endpoints} value, or {@code null}
	 * @param attempts the {@code attempts} value, or {@code null}
	 * @param params the {@code params} value, or {@code null}
	 * @param pipeline the {@code pipeline} value, or {@code null}
	 */
	public OpenRouterMetadata {
		attempts = (attempts != null) ? List.copyOf(attempts) : null;
		pipeline = (pipeline != null) ? List.copyOf(pipeline) : null;
	}

}
