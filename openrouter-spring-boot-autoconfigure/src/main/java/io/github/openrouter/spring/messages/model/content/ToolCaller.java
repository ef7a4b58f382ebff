package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Who called a tool: {@code direct} or a code-execution tool.
 *
 * @param type the {@code type} value
 * @param toolId the {@code tool_id} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCaller(@JsonProperty("type") String type,
		@JsonProperty("tool_id") @Nullable String toolId) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param toolId the {@code tool_id} value, or {@code null}
	 */
	public ToolCaller {
		Objects.requireNonNull(type, "type");
	}

	/**
	 * Returns the direct caller.
	 * @return the caller
	 */
	public static ToolCaller direct() {
		return new ToolCaller("direct", null);
	}

}
