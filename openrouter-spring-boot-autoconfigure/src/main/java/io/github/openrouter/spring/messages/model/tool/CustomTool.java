package io.github.openrouter.spring.messages.model.tool;

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
 * A client tool the model can call, described by a JSON schema; {@code type} is optional ({@code "custom"}).
 *
 * @param type the {@code type} value, or {@code null}
 * @param name the {@code name} value
 * @param description the {@code description} value, or {@code null}
 * @param inputSchema the {@code input_schema} value
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param deferLoading the {@code defer_loading} value, or {@code null}
 * @param strict the {@code strict} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record CustomTool(@JsonProperty("type") @Nullable String type,
		@JsonProperty("name") String name,
		@JsonProperty("description") @Nullable String description,
		@JsonProperty("input_schema") JsonNode inputSchema,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonProperty("defer_loading") @Nullable Boolean deferLoading,
		@JsonProperty("strict") @Nullable Boolean strict) implements Tool {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value, or {@code null}
	 * @param name the {@code name} value
	 * @param description the {@code description} value, or {@code null}
	 * @param inputSchema the {@code input_schema} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param deferLoading the {@code defer_loading} value, or {@code null}
	 * @param strict the {@code strict} value, or {@code null}
	 */
	public CustomTool {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(inputSchema, "input_schema");
	}

	/**
	 * Returns a custom tool without {@code type}.
	 * @param name the tool name
	 * @param description what the tool does
	 * @param inputSchema the JSON schema of the input
	 * @return the tool
	 */
	public static CustomTool of(String name, @Nullable String description, JsonNode inputSchema) {
		return new CustomTool(null, name, description, inputSchema, null, null, null);
	}

}
