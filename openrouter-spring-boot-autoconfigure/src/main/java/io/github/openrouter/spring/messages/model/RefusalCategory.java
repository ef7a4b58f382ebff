package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Category of a refusal in {@code stop_details}; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record RefusalCategory(@JsonValue String value) {

	/** The {@code cyber} value. */
	public static final RefusalCategory CYBER = new RefusalCategory("cyber");

	/** The {@code bio} value. */
	public static final RefusalCategory BIO = new RefusalCategory("bio");

	/** The {@code frontier_llm} value. */
	public static final RefusalCategory FRONTIER_LLM = new RefusalCategory("frontier_llm");

	/** The {@code reasoning_extraction} value. */
	public static final RefusalCategory REASONING_EXTRACTION = new RefusalCategory("reasoning_extraction");

	/** The {@code general_harms} value. */
	public static final RefusalCategory GENERAL_HARMS = new RefusalCategory("general_harms");

	private static final List<RefusalCategory> KNOWN = List.of(CYBER, BIO, FRONTIER_LLM, REASONING_EXTRACTION, GENERAL_HARMS);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public RefusalCategory {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static RefusalCategory of(String value) {
		for (RefusalCategory known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new RefusalCategory(value);
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
