package io.github.openrouter.spring.messages.model.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The moderation plugin.
 *
 * @param id the {@code id}, always {@code moderation}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ModerationPlugin(@JsonProperty("id") String id) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "moderation";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code moderation}
	 */
	public ModerationPlugin {
		id = TYPE;
	}

	/**
	 * Returns the moderation plugin.
	 * @return the plugin
	 */
	public static ModerationPlugin of() {
		return new ModerationPlugin(TYPE);
	}

}
