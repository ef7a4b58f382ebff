package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Output configuration: effort, structured output format and task budget.
 *
 * @param effort the {@code effort} value, or {@code null}
 * @param format the {@code format} value, or {@code null}
 * @param taskBudget the {@code task_budget} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutputConfig(@JsonProperty("effort") @Nullable Effort effort,
		@JsonProperty("format") @Nullable OutputFormat format,
		@JsonProperty("task_budget") @Nullable TaskBudget taskBudget) {

	/**
	 * Returns a configuration that asks for JSON matching a schema.
	 * @param schema the JSON schema
	 * @return the configuration
	 */
	public static OutputConfig jsonSchema(JsonNode schema) {
		return new OutputConfig(null, OutputFormat.jsonSchema(schema), null);
	}

	/**
	 * Returns a configuration that sets only the effort.
	 * @param effort the effort
	 * @return the configuration
	 */
	public static OutputConfig effort(Effort effort) {
		return new OutputConfig(effort, null, null);
	}

}
