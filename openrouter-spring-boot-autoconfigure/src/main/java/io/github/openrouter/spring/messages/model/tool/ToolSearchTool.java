package io.github.openrouter.spring.messages.model.tool;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Anthropic's tool search server tool (BM25 or regex variants).
 *
 * @param type the {@code type} value
 * @param name the {@code name} value
 * @param strict the {@code strict} value, or {@code null}
 * @param deferLoading the {@code defer_loading} value, or {@code null}
 * @param allowedCallers the {@code allowed_callers} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ToolSearchTool(@JsonProperty("type") String type,
		@JsonProperty("name") String name,
		@JsonProperty("strict") @Nullable Boolean strict,
		@JsonProperty("defer_loading") @Nullable Boolean deferLoading,
		@JsonProperty("allowed_callers") @Nullable List<String> allowedCallers,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements Tool {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param name the {@code name} value
	 * @param strict the {@code strict} value, or {@code null}
	 * @param deferLoading the {@code defer_loading} value, or {@code null}
	 * @param allowedCallers the {@code allowed_callers} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public ToolSearchTool {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
		allowedCallers = (allowedCallers != null) ? List.copyOf(allowedCallers) : null;
	}

	/**
	 * Returns the {@code tool_search_tool_bm25} tool.
	 * @return the tool
	 */
	public static ToolSearchTool bm25() {
		return new ToolSearchTool("tool_search_tool_bm25", "tool_search_tool_bm25", null, null, null, null);
	}

	/**
	 * Returns the {@code tool_search_tool_regex} tool.
	 * @return the tool
	 */
	public static ToolSearchTool regex() {
		return new ToolSearchTool("tool_search_tool_regex", "tool_search_tool_regex", null, null, null, null);
	}

}
