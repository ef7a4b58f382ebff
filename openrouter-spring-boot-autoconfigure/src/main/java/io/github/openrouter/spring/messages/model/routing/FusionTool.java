package io.github.openrouter.spring.messages.model.routing;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A tool available to the fusion plugin.
 *
 * @param type the {@code type} value
 * @param parameters the {@code parameters} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FusionTool(@JsonProperty("type") String type,
		@JsonProperty("parameters") @Nullable JsonNode parameters) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param parameters the {@code parameters} value, or {@code null}
	 */
	public FusionTool {
		Objects.requireNonNull(type, "type");
	}

}
