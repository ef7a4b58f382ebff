package io.github.openrouter.spring.messages.model.routing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Values of {@code provider.data_collection}: whether providers may store or train on request
 * data.
 *
 * @since 0.1.0
 */
public enum DataCollection {

	/**
	 * Allow providers that store or train on data.
	 */
	ALLOW,

	/**
	 * Use only providers that neither store nor train on data.
	 */
	DENY;

	/**
	 * Returns the wire value, the lower-case name.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
