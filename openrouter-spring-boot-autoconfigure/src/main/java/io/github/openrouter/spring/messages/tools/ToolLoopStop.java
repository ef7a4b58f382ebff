package io.github.openrouter.spring.messages.tools;

/**
 * Why a {@link ToolRunner} loop stopped.
 *
 * @since 0.1.0
 */
public enum ToolLoopStop {

	/**
	 * The model answered without asking for a tool ({@code end_turn}, {@code stop_sequence} or a
	 * stop reason this version does not know).
	 */
	ANSWER("answer"),

	/**
	 * The model ran out of output tokens ({@code max_tokens} or
	 * {@code model_context_window_exceeded}); the final message is cut short.
	 */
	MAX_TOKENS("max_tokens"),

	/**
	 * The model refused ({@code refusal}); the final message carries the stop details.
	 */
	REFUSAL("refusal"),

	/**
	 * The model still asked for tools after the last round the runner allows; the final message
	 * holds those {@code tool_use} blocks, unanswered.
	 */
	MAX_ITERATIONS("max_iterations"),

	/**
	 * The loop's total time ran out; the call or tools in progress were cancelled and the final
	 * message is the last complete one.
	 */
	TIME_LIMIT("time_limit");

	private final String value;

	ToolLoopStop(String value) {
		this.value = value;
	}

	/**
	 * Returns the value used as an observation tag.
	 * @return the value, such as {@code max_iterations}
	 */
	public String value() {
		return this.value;
	}

}
