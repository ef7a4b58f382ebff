package io.github.openrouter.spring.messages.model.routing;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Stops server tools after a number of steps.
 *
 * @param type the {@code type}, always {@code step_count_is}
 * @param stepCount the {@code step_count} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record StepCountIsCondition(@JsonProperty("type") String type,
		@JsonProperty("step_count") Integer stepCount) implements StopServerToolsCondition {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "step_count_is";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code step_count_is}
	 * @param stepCount the {@code step_count} value
	 */
	public StepCountIsCondition {
		type = TYPE;
		Objects.requireNonNull(stepCount, "step_count");
	}

}
