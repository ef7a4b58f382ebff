package io.github.openrouter.spring.messages.model.routing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Values of {@code provider.sort.partition}: how sorting treats the endpoints of fallback
 * models.
 *
 * @since 0.1.0
 */
public enum SortPartition {

	/**
	 * Keep the endpoints of each model together, so the primary model is tried first.
	 */
	MODEL,

	/**
	 * Sort the endpoints of all models together.
	 */
	NONE;

	/**
	 * Returns the wire value, the lower-case name.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
