package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Extended thinking turned off.
 *
 * @param type the {@code type}, always {@code disabled}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record DisabledThinking(@JsonProperty("type") String type) implements ThinkingConfig {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "disabled";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code disabled}
	 */
	public DisabledThinking {
		type = TYPE;
	}

}
