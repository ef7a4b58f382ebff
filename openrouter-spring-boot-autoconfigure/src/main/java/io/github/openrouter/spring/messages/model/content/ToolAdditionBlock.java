package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Adds a tool to the conversation; only allowed in system messages.
 *
 * @param type the {@code type}, always {@code tool_addition}
 * @param tool the {@code tool} value
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ToolAdditionBlock(@JsonProperty("type") String type,
		@JsonProperty("tool") ToolReference tool,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "tool_addition";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code tool_addition}
	 * @param tool the {@code tool} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public ToolAdditionBlock {
		type = TYPE;
		Objects.requireNonNull(tool, "tool");
	}

}
