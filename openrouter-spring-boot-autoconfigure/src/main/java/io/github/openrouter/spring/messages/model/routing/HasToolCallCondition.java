package io.github.openrouter.spring.messages.model.routing;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Stops server tools once the named tool was called.
 *
 * @param type the {@code type}, always {@code has_tool_call}
 * @param toolName the {@code tool_name} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record HasToolCallCondition(@JsonProperty("type") String type,
		@JsonProperty("tool_name") String toolName) implements StopServerToolsCondition {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "has_tool_call";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code has_tool_call}
	 * @param toolName the {@code tool_name} value
	 */
	public HasToolCallCondition {
		type = TYPE;
		Objects.requireNonNull(toolName, "tool_name");
	}

}
