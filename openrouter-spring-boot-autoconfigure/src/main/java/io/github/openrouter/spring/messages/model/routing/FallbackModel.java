package io.github.openrouter.spring.messages.model.routing;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An Anthropic-style fallback model ({@code fallbacks[]}); only {@code model} is allowed.
 *
 * @param model the {@code model} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FallbackModel(@JsonProperty("model") String model) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param model the {@code model} value
	 */
	public FallbackModel {
		Objects.requireNonNull(model, "model");
	}

}
