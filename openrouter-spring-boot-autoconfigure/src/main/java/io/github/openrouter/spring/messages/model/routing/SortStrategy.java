package io.github.openrouter.spring.messages.model.routing;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Values of {@code provider.sort} (or its {@code by}): the order in which OpenRouter tries
 * providers.
 *
 * @since 0.1.0
 */
public enum SortStrategy {

	/**
	 * Lowest price first.
	 */
	PRICE,

	/**
	 * Highest throughput first.
	 */
	THROUGHPUT,

	/**
	 * Lowest latency first.
	 */
	LATENCY,

	/**
	 * OpenRouter's "exacto" ranking, which favours providers with the best tool-calling accuracy.
	 */
	EXACTO;

	/**
	 * Returns the wire value, the lower-case name.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
