package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Results (or an error) of a server web search; {@code content} is an array of results or an error object.
 *
 * @param type the {@code type}, always {@code web_search_tool_result}
 * @param toolUseId the {@code tool_use_id} value
 * @param content the {@code content} value, or {@code null}
 * @param caller the {@code caller} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record WebSearchToolResultBlock(@JsonProperty("type") String type,
		@JsonProperty("tool_use_id") String toolUseId,
		@JsonProperty("content") @Nullable JsonNode content,
		@JsonProperty("caller") @Nullable ToolCaller caller,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "web_search_tool_result";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code web_search_tool_result}
	 * @param toolUseId the {@code tool_use_id} value
	 * @param content the {@code content} value, or {@code null}
	 * @param caller the {@code caller} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public WebSearchToolResultBlock {
		type = TYPE;
		Objects.requireNonNull(toolUseId, "tool_use_id");
	}

}
