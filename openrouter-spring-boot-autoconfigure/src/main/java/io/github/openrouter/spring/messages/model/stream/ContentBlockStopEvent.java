package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * End of the content block at an index.
 *
 * @param type the {@code type}, always {@code content_block_stop}
 * @param index the {@code index} value
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContentBlockStopEvent(@JsonProperty("type") String type,
		@JsonProperty("index") int index,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "content_block_stop";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code content_block_stop}
	 * @param index the {@code index} value
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ContentBlockStopEvent {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code content_block_stop}
	 * @param index the {@code index} value
	 */
	public ContentBlockStopEvent(String type, int index) {
		this(type, index, Map.of());
	}

}
