package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Output speed of a request or response; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record Speed(@JsonValue String value) {

	/** The {@code fast} value. */
	public static final Speed FAST = new Speed("fast");

	/** The {@code standard} value. */
	public static final Speed STANDARD = new Speed("standard");

	private static final List<Speed> KNOWN = List.of(FAST, STANDARD);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public Speed {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Speed of(String value) {
		for (Speed known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new Speed(value);
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
