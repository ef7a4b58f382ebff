package io.github.openrouter.spring.messages.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Reason the model stopped generating; an open set, so values this version does not know are kept as they are.
 *
 * @param value the wire value
 * @since 0.1.0
 */
public record StopReason(@JsonValue String value) {

	/** The {@code end_turn} value. */
	public static final StopReason END_TURN = new StopReason("end_turn");

	/** The {@code max_tokens} value. */
	public static final StopReason MAX_TOKENS = new StopReason("max_tokens");

	/** The {@code model_context_window_exceeded} value. */
	public static final StopReason MODEL_CONTEXT_WINDOW_EXCEEDED = new StopReason("model_context_window_exceeded");

	/** The {@code stop_sequence} value. */
	public static final StopReason STOP_SEQUENCE = new StopReason("stop_sequence");

	/** The {@code tool_use} value. */
	public static final StopReason TOOL_USE = new StopReason("tool_use");

	/** The {@code pause_turn} value. */
	public static final StopReason PAUSE_TURN = new StopReason("pause_turn");

	/** The {@code refusal} value. */
	public static final StopReason REFUSAL = new StopReason("refusal");

	/** The {@code compaction} value. */
	public static final StopReason COMPACTION = new StopReason("compaction");

	private static final List<StopReason> KNOWN = List.of(END_TURN, MAX_TOKENS, MODEL_CONTEXT_WINDOW_EXCEEDED, STOP_SEQUENCE, TOOL_USE, PAUSE_TURN, REFUSAL, COMPACTION);

	/**
	 * Creates a value, checking that it is not null.
	 * @param value the wire value
	 */
	public StopReason {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * Returns the value for a wire string, reusing the constant when there is one.
	 * @param value the wire value
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static StopReason of(String value) {
		for (StopReason known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new StopReason(value);
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
