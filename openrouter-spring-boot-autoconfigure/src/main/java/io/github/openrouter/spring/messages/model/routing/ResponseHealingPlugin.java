package io.github.openrouter.spring.messages.model.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The response healing plugin (repairs JSON output).
 *
 * @param id the {@code id}, always {@code response-healing}
 * @param enabled the {@code enabled} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ResponseHealingPlugin(@JsonProperty("id") String id,
		@JsonProperty("enabled") @Nullable Boolean enabled) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "response-healing";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code response-healing}
	 * @param enabled the {@code enabled} value, or {@code null}
	 */
	public ResponseHealingPlugin {
		id = TYPE;
	}

	/**
	 * Returns the enabled plugin.
	 * @return the plugin
	 */
	public static ResponseHealingPlugin of() {
		return new ResponseHealingPlugin(TYPE, true);
	}

}
