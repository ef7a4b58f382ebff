package io.github.openrouter.spring.messages.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Token budget of a task: {@code {"type":"tokens","total":n,"remaining":m}}.
 *
 * @param type the {@code type} value
 * @param total the {@code total} value, or {@code null}
 * @param remaining the {@code remaining} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskBudget(@JsonProperty("type") String type,
		@JsonProperty("total") @Nullable Integer total,
		@JsonProperty("remaining") @Nullable Integer remaining) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param total the {@code total} value, or {@code null}
	 * @param remaining the {@code remaining} value, or {@code null}
	 */
	public TaskBudget {
		Objects.requireNonNull(type, "type");
	}

	/**
	 * Returns a token budget.
	 * @param total the total tokens, at least 20000
	 * @return the budget
	 */
	public static TaskBudget tokens(int total) {
		return new TaskBudget("tokens", total, null);
	}

}
