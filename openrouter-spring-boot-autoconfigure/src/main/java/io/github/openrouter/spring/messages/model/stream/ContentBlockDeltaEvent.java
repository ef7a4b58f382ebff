package io.github.openrouter.spring.messages.model.stream;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A delta for the content block at an index.
 *
 * @param type the {@code type}, always {@code content_block_delta}
 * @param index the {@code index} value, required on the wire
 * @param delta the {@code delta} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContentBlockDeltaEvent(@JsonProperty("type") String type,
		@JsonProperty(value = "index", required = true) int index,
		@JsonProperty("delta") Delta delta) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "content_block_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code content_block_delta}
	 * @param index the {@code index} value, required on the wire
	 * @param delta the {@code delta} value
	 */
	public ContentBlockDeltaEvent {
		type = TYPE;
		Objects.requireNonNull(delta, "delta");
	}

}
