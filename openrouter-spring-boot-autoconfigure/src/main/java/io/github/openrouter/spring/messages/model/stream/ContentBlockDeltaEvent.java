package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A delta for the content block at an index.
 *
 * @param type the {@code type}, always {@code content_block_delta}
 * @param index the {@code index} value, required on the wire
 * @param delta the {@code delta} value
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ContentBlockDeltaEventDeserializer.class)
public record ContentBlockDeltaEvent(@JsonProperty("type") String type,
		@JsonProperty(value = "index", required = true) int index,
		@JsonProperty("delta") Delta delta,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "content_block_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code content_block_delta}
	 * @param index the {@code index} value, required on the wire
	 * @param delta the {@code delta} value
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ContentBlockDeltaEvent {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(delta, "delta");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code content_block_delta}
	 * @param index the {@code index} value, required on the wire
	 * @param delta the {@code delta} value
	 */
	public ContentBlockDeltaEvent(String type, int index, Delta delta) {
		this(type, index, delta, Map.of());
	}

}
