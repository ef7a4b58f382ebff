package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.MessageResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * First event of a stream: the message with empty content and initial usage.
 *
 * @param type the {@code type}, always {@code message_start}
 * @param message the {@code message} value
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record MessageStartEvent(@JsonProperty("type") String type,
		@JsonProperty("message") MessageResponse message,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "message_start";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code message_start}
	 * @param message the {@code message} value
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public MessageStartEvent {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(message, "message");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code message_start}
	 * @param message the {@code message} value
	 */
	public MessageStartEvent(String type, MessageResponse message) {
		this(type, message, Map.of());
	}

}
