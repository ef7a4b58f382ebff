package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A reference to a tool by name, sent inside the content of a {@link ToolResultBlock} (for example
 * by a client-side tool search).
 *
 * @param type the {@code type}, always {@code tool_reference}
 * @param toolName the {@code tool_name} value
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ToolReferenceBlock(@JsonProperty("type") String type,
		@JsonProperty("tool_name") String toolName,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "tool_reference";

	/**
	 * Creates an instance, checking required values.
	 * @param type the {@code type}, always {@code tool_reference}
	 * @param toolName the {@code tool_name} value
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ToolReferenceBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(toolName, "tool_name");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code tool_reference}
	 * @param toolName the {@code tool_name} value
	 */
	public ToolReferenceBlock(String type, String toolName) {
		this(type, toolName, Map.of());
	}

	/**
	 * Returns a reference to the named tool.
	 * @param toolName the name of the referenced tool
	 * @return the block
	 */
	public static ToolReferenceBlock of(String toolName) {
		return new ToolReferenceBlock(TYPE, toolName);
	}

}
