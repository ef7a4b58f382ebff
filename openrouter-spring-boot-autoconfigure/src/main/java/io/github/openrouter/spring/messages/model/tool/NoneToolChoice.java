package io.github.openrouter.spring.messages.model.tool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The model must not call tools.
 *
 * @param type the {@code type}, always {@code none}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record NoneToolChoice(@JsonProperty("type") String type) implements ToolChoice {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "none";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code none}
	 */
	public NoneToolChoice {
		type = TYPE;
	}

}
