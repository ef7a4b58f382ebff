package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Adaptive thinking: the model decides how much to think.
 *
 * @param type the {@code type}, always {@code adaptive}
 * @param display the {@code display} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record AdaptiveThinking(@JsonProperty("type") String type,
		@JsonProperty("display") @Nullable String display) implements ThinkingConfig {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "adaptive";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code adaptive}
	 * @param display the {@code display} value, or {@code null}
	 */
	public AdaptiveThinking {
		type = TYPE;
	}

}
