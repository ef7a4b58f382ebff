package io.github.openrouter.spring.messages.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic context editing and compaction settings ({@code context_management}).
 *
 * @param edits the {@code edits} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContextManagement(@JsonProperty("edits") @Nullable List<ContextEdit> edits) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param edits the {@code edits} value, or {@code null}
	 */
	public ContextManagement {
		edits = (edits != null) ? List.copyOf(edits) : null;
	}

	/**
	 * Returns settings with the given edits.
	 * @param edits the edits
	 * @return the settings
	 */
	public static ContextManagement of(ContextEdit... edits) {
		return new ContextManagement(List.of(edits));
	}

}
