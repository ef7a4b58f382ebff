package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Routing strategy reported in {@code openrouter_metadata}; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record RoutingStrategy(@JsonValue String value) {

	/** The {@code direct} value. */
	public static final RoutingStrategy DIRECT = new RoutingStrategy("direct");

	/** The {@code auto} value. */
	public static final RoutingStrategy AUTO = new RoutingStrategy("auto");

	/** The {@code free} value. */
	public static final RoutingStrategy FREE = new RoutingStrategy("free");

	/** The {@code latest} value. */
	public static final RoutingStrategy LATEST = new RoutingStrategy("latest");

	/** The {@code alias} value. */
	public static final RoutingStrategy ALIAS = new RoutingStrategy("alias");

	/** The {@code fallback} value. */
	public static final RoutingStrategy FALLBACK = new RoutingStrategy("fallback");

	/** The {@code pareto} value. */
	public static final RoutingStrategy PARETO = new RoutingStrategy("pareto");

	/** The {@code bodybuilder} value. */
	public static final RoutingStrategy BODYBUILDER = new RoutingStrategy("bodybuilder");

	/** The {@code fusion} value. */
	public static final RoutingStrategy FUSION = new RoutingStrategy("fusion");

	private static final List<RoutingStrategy> KNOWN = List.of(DIRECT, AUTO, FREE, LATEST, ALIAS, FALLBACK, PARETO, BODYBUILDER, FUSION);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public RoutingStrategy {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static RoutingStrategy of(String value) {
		for (RoutingStrategy known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new RoutingStrategy(value);
	}

	/**
	 * Returns whether this value is one this version of the library knows.
	 * @return {@code true} for a known value
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
