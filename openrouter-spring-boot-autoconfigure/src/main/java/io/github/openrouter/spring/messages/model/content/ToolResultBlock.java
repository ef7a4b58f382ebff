package io.github.openrouter.spring.messages.model.content;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import io.github.openrouter.spring.messages.model.MessageContent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The result of a tool call, sent back by the client as text or blocks.
 *
 * @param type the {@code type}, always {@code tool_result}
 * @param toolUseId the {@code tool_use_id} value
 * @param content the {@code content} value, or {@code null}
 * @param isError the {@code is_error} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ToolResultBlock(@JsonProperty("type") String type,
		@JsonProperty("tool_use_id") String toolUseId,
		@JsonProperty("content") @Nullable MessageContent content,
		@JsonProperty("is_error") @Nullable Boolean isError,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "tool_result";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code tool_result}
	 * @param toolUseId the {@code tool_use_id} value
	 * @param content the {@code content} value, or {@code null}
	 * @param isError the {@code is_error} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ToolResultBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(toolUseId, "tool_use_id");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code tool_result}
	 * @param toolUseId the {@code tool_use_id} value
	 * @param content the {@code content} value, or {@code null}
	 * @param isError the {@code is_error} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public ToolResultBlock(String type, String toolUseId, @Nullable MessageContent content, @Nullable Boolean isError, @Nullable CacheControl cacheControl) {
		this(type, toolUseId, content, isError, cacheControl, Map.of());
	}

	/**
	 * Returns a successful text result.
	 * @param toolUseId the id of the tool use block answered
	 * @param text the result text
	 * @return the block
	 */
	public static ToolResultBlock of(String toolUseId, String text) {
		return new ToolResultBlock(TYPE, toolUseId, MessageContent.of(text), null, null);
	}

	/**
	 * Returns a successful result made of blocks.
	 * @param toolUseId the id of the tool use block answered
	 * @param blocks the result blocks
	 * @return the block
	 */
	public static ToolResultBlock of(String toolUseId, List<ContentBlock> blocks) {
		return new ToolResultBlock(TYPE, toolUseId, MessageContent.of(blocks), null, null);
	}

	/**
	 * Returns an error result.
	 * @param toolUseId the id of the tool use block answered
	 * @param message the error text
	 * @return the block
	 */
	public static ToolResultBlock error(String toolUseId, String message) {
		return new ToolResultBlock(TYPE, toolUseId, MessageContent.of(message), true, null);
	}

}
