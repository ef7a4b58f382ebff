package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Result (or an error) of server code execution.
 *
 * @param type the {@code type}, always {@code code_execution_tool_result}
 * @param toolUseId the {@code tool_use_id} value
 * @param content the {@code content} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record CodeExecutionToolResultBlock(@JsonProperty("type") String type,
		@JsonProperty("tool_use_id") String toolUseId,
		@JsonProperty("content") @Nullable JsonNode content,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "code_execution_tool_result";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code code_execution_tool_result}
	 * @param toolUseId the {@code tool_use_id} value
	 * @param content the {@code content} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public CodeExecutionToolResultBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(toolUseId, "tool_use_id");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code code_execution_tool_result}
	 * @param toolUseId the {@code tool_use_id} value
	 * @param content the {@code content} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public CodeExecutionToolResultBlock(String type, String toolUseId, @Nullable JsonNode content, @Nullable CacheControl cacheControl) {
		this(type, toolUseId, content, cacheControl, Map.of());
	}

}
