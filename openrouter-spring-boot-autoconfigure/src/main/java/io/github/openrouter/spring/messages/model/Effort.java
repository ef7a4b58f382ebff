package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Effort level of {@code output_config}; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record Effort(@JsonValue String value) {

	/** The {@code low} value. */
	public static final Effort LOW = new Effort("low");

	/** The {@code medium} value. */
	public static final Effort MEDIUM = new Effort("medium");

	/** The {@code high} value. */
	public static final Effort HIGH = new Effort("high");

	/** The {@code xhigh} value. */
	public static final Effort XHIGH = new Effort("xhigh");

	/** The {@code max} value. */
	public static final Effort MAX = new Effort("max");

	private static final List<Effort> KNOWN = List.of(LOW, MEDIUM, HIGH, XHIGH, MAX);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public Effort {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Effort of(String value) {
		for (Effort known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new Effort(value);
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
