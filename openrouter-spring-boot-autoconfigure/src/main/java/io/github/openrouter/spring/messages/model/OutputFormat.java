package io.github.openrouter.spring.messages.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Structured output format, e.g. {@code {"type":"json_schema","schema":{...}}}.
 *
 * @param type the {@code type} value
 * @param schema the {@code schema} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutputFormat(@JsonProperty("type") String type,
		@JsonProperty("schema") @Nullable JsonNode schema) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param schema the {@code schema} value, or {@code null}
	 */
	public OutputFormat {
		Objects.requireNonNull(type, "type");
	}

	/**
	 * Returns a JSON-schema format.
	 * @param schema the JSON schema
	 * @return the format
	 */
	public static OutputFormat jsonSchema(JsonNode schema) {
		return new OutputFormat("json_schema", schema);
	}

}
