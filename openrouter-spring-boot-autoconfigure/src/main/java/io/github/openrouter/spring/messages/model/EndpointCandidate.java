package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint OpenRouter considered for a request.
 *
 * @param provider the {@code provider} value, or {@code null}
 * @param model the {@code model} value, or {@code null}
 * @param selected the {@code selected} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointCandidate(@JsonProperty("provider") @Nullable String provider,
		@JsonProperty("model") @Nullable String model,
		@JsonProperty("selected") @Nullable Boolean selected) {

}
