package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Service tier requested or used; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record ServiceTier(@JsonValue String value) {

	/** The {@code standard} value. */
	public static final ServiceTier STANDARD = new ServiceTier("standard");

	/** The {@code priority} value. */
	public static final ServiceTier PRIORITY = new ServiceTier("priority");

	/** The {@code flex} value. */
	public static final ServiceTier FLEX = new ServiceTier("flex");

	/** The {@code fast} value. */
	public static final ServiceTier FAST = new ServiceTier("fast");

	/** The {@code batch} value. */
	public static final ServiceTier BATCH = new ServiceTier("batch");

	private static final List<ServiceTier> KNOWN = List.of(STANDARD, PRIORITY, FLEX, FAST, BATCH);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public ServiceTier {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ServiceTier of(String value) {
		for (ServiceTier known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new ServiceTier(value);
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
