package io.github.openrouter.spring.messages.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Context edits the server applied, reported in a response; each edit is kept as JSON.
 *
 * @param appliedEdits the {@code applied_edits} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppliedContextManagement(@JsonProperty("applied_edits") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable List<JsonNode> appliedEdits) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param appliedEdits the {@code applied_edits} value, or {@code null}
	 */
	public AppliedContextManagement {
		appliedEdits = (appliedEdits != null) ? List.copyOf(appliedEdits) : null;
	}

}
