package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Reference to a tool, an MCP tool or an MCP tool set, used by tool addition and removal blocks.
 *
 * @param type the {@code type} value
 * @param name the {@code name} value, or {@code null}
 * @param serverName the {@code server_name} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolReference(@JsonProperty("type") String type,
		@JsonProperty("name") @Nullable String name,
		@JsonProperty("server_name") @Nullable String serverName) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param name the {@code name} value, or {@code null}
	 * @param serverName the {@code server_name} value, or {@code null}
	 */
	public ToolReference {
		Objects.requireNonNull(type, "type");
	}

}
