package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A server tool call made by the model and run by the server.
 *
 * @param type the {@code type}, always {@code server_tool_use}
 * @param id the {@code id} value
 * @param name the {@code name} value
 * @param input the {@code input} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param caller the {@code caller} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ServerToolUseBlock(@JsonProperty("type") String type,
		@JsonProperty("id") String id,
		@JsonProperty("name") String name,
		@JsonProperty("input") @Nullable JsonNode input,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonProperty("caller") @Nullable ToolCaller caller,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "server_tool_use";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code server_tool_use}
	 * @param id the {@code id} value
	 * @param name the {@code name} value
	 * @param input the {@code input} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param caller the {@code caller} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ServerToolUseBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code server_tool_use}
	 * @param id the {@code id} value
	 * @param name the {@code name} value
	 * @param input the {@code input} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param caller the {@code caller} value, or {@code null}
	 */
	public ServerToolUseBlock(String type, String id, String name, @Nullable JsonNode input, @Nullable CacheControl cacheControl, @Nullable ToolCaller caller) {
		this(type, id, name, input, cacheControl, caller, Map.of());
	}

}
