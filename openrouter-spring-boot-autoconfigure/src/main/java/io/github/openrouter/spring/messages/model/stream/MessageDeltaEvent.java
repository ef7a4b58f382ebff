package io.github.openrouter.spring.messages.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Top-level changes of the message (stop reason, ...) and cumulative usage.
 *
 * @param type the {@code type}, always {@code message_delta}
 * @param delta the {@code delta} value, or {@code null}
 * @param usage the {@code usage} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record MessageDeltaEvent(@JsonProperty("type") String type,
		@JsonProperty("delta") @Nullable MessageDelta delta,
		@JsonProperty("usage") @Nullable Usage usage) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "message_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code message_delta}
	 * @param delta the {@code delta} value, or {@code null}
	 * @param usage the {@code usage} value, or {@code null}
	 */
	public MessageDeltaEvent {
		type = TYPE;
	}

}
