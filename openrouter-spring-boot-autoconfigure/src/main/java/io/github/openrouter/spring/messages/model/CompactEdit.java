package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Compacts earlier context into a summary; {@code trigger} is kept as JSON.
 *
 * @param type the {@code type}, always {@code compact_20260112}
 * @param trigger the {@code trigger} value, or {@code null}
 * @param instructions the {@code instructions} value, or {@code null}
 * @param pauseAfterCompaction the {@code pause_after_compaction} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record CompactEdit(@JsonProperty("type") String type,
		@JsonProperty("trigger") @Nullable JsonNode trigger,
		@JsonProperty("instructions") @Nullable String instructions,
		@JsonProperty("pause_after_compaction") @Nullable Boolean pauseAfterCompaction) implements ContextEdit {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "compact_20260112";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code compact_20260112}
	 * @param trigger the {@code trigger} value, or {@code null}
	 * @param instructions the {@code instructions} value, or {@code null}
	 * @param pauseAfterCompaction the {@code pause_after_compaction} value, or {@code null}
	 */
	public CompactEdit {
		type = TYPE;
	}

}
