package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.Container;
import io.github.openrouter.spring.messages.model.StopDetails;
import io.github.openrouter.spring.messages.model.StopReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Top-level message changes carried by a {@code message_delta} event.
 *
 * @param stopReason the {@code stop_reason} value, or {@code null}
 * @param stopSequence the {@code stop_sequence} value, or {@code null}
 * @param stopDetails the {@code stop_details} value, or {@code null}
 * @param container the {@code container} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageDelta(@JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable StopReason stopReason,
		@JsonProperty("stop_sequence") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String stopSequence,
		@JsonProperty("stop_details") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable StopDetails stopDetails,
		@JsonProperty("container") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Container container,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {

	/**
	 * Creates an instance, keeping the fields this version does not know.
	 * @param stopReason the {@code stop_reason} value, or {@code null}
	 * @param stopSequence the {@code stop_sequence} value, or {@code null}
	 * @param stopDetails the {@code stop_details} value, or {@code null}
	 * @param container the {@code container} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public MessageDelta {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param stopReason the {@code stop_reason} value, or {@code null}
	 * @param stopSequence the {@code stop_sequence} value, or {@code null}
	 * @param stopDetails the {@code stop_details} value, or {@code null}
	 * @param container the {@code container} value, or {@code null}
	 */
	public MessageDelta(@Nullable StopReason stopReason, @Nullable String stopSequence, @Nullable StopDetails stopDetails, @Nullable Container container) {
		this(stopReason, stopSequence, stopDetails, container, Map.of());
	}


}
