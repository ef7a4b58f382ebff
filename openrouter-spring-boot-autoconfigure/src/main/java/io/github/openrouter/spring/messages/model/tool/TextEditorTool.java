package io.github.openrouter.spring.messages.model.tool;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Anthropic's text editor tool ({@code text_editor_20250124}), run by the client.
 *
 * @param type the {@code type} value
 * @param name the {@code name} value
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record TextEditorTool(@JsonProperty("type") String type,
		@JsonProperty("name") String name,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements Tool {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param name the {@code name} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public TextEditorTool {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
	}

	/**
	 * Returns the {@code text_editor_20250124} tool.
	 * @return the tool
	 */
	public static TextEditorTool of() {
		return new TextEditorTool("text_editor_20250124", "str_replace_editor", null);
	}

}
