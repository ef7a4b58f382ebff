package io.github.openrouter.spring.messages.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Endpoints OpenRouter considered for a request.
 *
 * @param total the {@code total} value, or {@code null}
 * @param available the {@code available} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingEndpoints(@JsonProperty("total") @Nullable Integer total,
		@JsonProperty("available") @Nullable List<EndpointCandidate> available) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param total the {@code total} value, or {@code null}
	 * @param available the {@code available} value, or {@code null}
	 */
	public RoutingEndpoints {
		available = (available != null) ? List.copyOf(available) : null;
	}

}
