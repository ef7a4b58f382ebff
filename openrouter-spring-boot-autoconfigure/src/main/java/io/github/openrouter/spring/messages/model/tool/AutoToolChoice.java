package io.github.openrouter.spring.messages.model.tool;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The model decides whether to call tools.
 *
 * @param type the {@code type}, always {@code auto}
 * @param disableParallelToolUse the {@code disable_parallel_tool_use} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record AutoToolChoice(@JsonProperty("type") String type,
		@JsonProperty("disable_parallel_tool_use") @Nullable Boolean disableParallelToolUse) implements ToolChoice {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "auto";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code auto}
	 * @param disableParallelToolUse the {@code disable_parallel_tool_use} value, or {@code null}
	 */
	public AutoToolChoice {
		type = TYPE;
	}

}
