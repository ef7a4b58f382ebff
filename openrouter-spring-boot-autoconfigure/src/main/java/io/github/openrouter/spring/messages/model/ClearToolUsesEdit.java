package io.github.openrouter.spring.messages.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Clears old tool uses; {@code trigger}, {@code keep}, {@code clear_at_least} and {@code clear_tool_inputs} are kept as JSON.
 *
 * @param type the {@code type}, always {@code clear_tool_uses_20250919}
 * @param trigger the {@code trigger} value, or {@code null}
 * @param keep the {@code keep} value, or {@code null}
 * @param clearAtLeast the {@code clear_at_least} value, or {@code null}
 * @param clearToolInputs the {@code clear_tool_inputs} value, or {@code null}
 * @param excludeTools the {@code exclude_tools} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ClearToolUsesEdit(@JsonProperty("type") String type,
		@JsonProperty("trigger") @Nullable JsonNode trigger,
		@JsonProperty("keep") @Nullable JsonNode keep,
		@JsonProperty("clear_at_least") @Nullable JsonNode clearAtLeast,
		@JsonProperty("clear_tool_inputs") @Nullable JsonNode clearToolInputs,
		@JsonProperty("exclude_tools") @Nullable List<String> excludeTools) implements ContextEdit {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "clear_tool_uses_20250919";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code clear_tool_uses_20250919}
	 * @param trigger the {@code trigger} value, or {@code null}
	 * @param keep the {@code keep} value, or {@code null}
	 * @param clearAtLeast the {@code clear_at_least} value, or {@code null}
	 * @param clearToolInputs the {@code clear_tool_inputs} value, or {@code null}
	 * @param excludeTools the {@code exclude_tools} value, or {@code null}
	 */
	public ClearToolUsesEdit {
		type = TYPE;
		excludeTools = (excludeTools != null) ? List.copyOf(excludeTools) : null;
	}

}
