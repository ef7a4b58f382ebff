package io.github.openrouter.spring.messages.model.content;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import io.github.openrouter.spring.messages.model.MessageContent;
import org.jspecify.annotations.Nullable;
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
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ToolResultBlock(@JsonProperty("type") String type,
		@JsonProperty("tool_use_id") String toolUseId,
		@JsonProperty("content") @Nullable MessageContent content,
		@JsonProperty("is_error") @Nullable Boolean isError,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "tool_result";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code tool_result}
	 * @param toolUseId the {@code tool_use_id} value
	 * @param content the {@code content} value, or {@code null}
	 * @param isError the {@code is_error} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public ToolResultBlock {
		type = TYPE;
		Objects.requireNonNull(toolUseId, "tool_use_id");
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
