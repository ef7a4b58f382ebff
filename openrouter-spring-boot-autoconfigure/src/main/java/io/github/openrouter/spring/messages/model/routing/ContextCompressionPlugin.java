package io.github.openrouter.spring.messages.model.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The context compression plugin ({@code middle-out}).
 *
 * @param id the {@code id}, always {@code context-compression}
 * @param enabled the {@code enabled} value, or {@code null}
 * @param engine the {@code engine} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContextCompressionPlugin(@JsonProperty("id") String id,
		@JsonProperty("enabled") @Nullable Boolean enabled,
		@JsonProperty("engine") @Nullable String engine) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "context-compression";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code context-compression}
	 * @param enabled the {@code enabled} value, or {@code null}
	 * @param engine the {@code engine} value, or {@code null}
	 */
	public ContextCompressionPlugin {
		id = TYPE;
	}

	/**
	 * Returns the plugin with the {@code middle-out} engine.
	 * @return the plugin
	 */
	public static ContextCompressionPlugin middleOut() {
		return new ContextCompressionPlugin(TYPE, true, "middle-out");
	}

}
