package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to reach a provider.
 *
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingAttempt(@JsonProperty("provider") @Nullable String provider,
		@JsonProperty("model") @Nullable String model,
		@JsonProperty("status") @Nullable Integer status) {

}
