package io.github.openrouter.spring.messages.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Keep-alive event.
 *
 * @param type the {@code type}, always {@code ping}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record PingEvent(@JsonProperty("type") String type) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "ping";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code ping}
	 */
	public PingEvent {
		type = TYPE;
	}

}
