package io.github.openrouter.spring.messages.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic context editing and compaction settings; each edit is kept as JSON ({@code clear_tool_uses_20250919}, {@code clear_thinking_20251015}, {@code compact_20260112}, ...).
 *
 * @param edits the {@code edits} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContextManagement(@JsonProperty("edits") @Nullable List<JsonNode> edits) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param edits the {@code edits} value, or {@code null}
	 */
	public ContextManagement {
		edits = (edits != null) ? List.copyOf(edits) : null;
	}

}
