package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Role of a message author; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record Role(@JsonValue String value) {

	/** The {@code user} value. */
	public static final Role USER = new Role("user");

	/** The {@code assistant} value. */
	public static final Role ASSISTANT = new Role("assistant");

	/** The {@code system} value. */
	public static final Role SYSTEM = new Role("system");

	private static final List<Role> KNOWN = List.of(USER, ASSISTANT, SYSTEM);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public Role {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static Role of(String value) {
		for (Role known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new Role(value);
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
