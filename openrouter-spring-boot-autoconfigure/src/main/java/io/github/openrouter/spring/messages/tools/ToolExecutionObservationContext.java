package io.github.openrouter.spring.messages.tools;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@link ToolObservationDocumentation#TOOL_EXECUTION} observation.
 *
 * @since 0.1.0
 */
public class ToolExecutionObservationContext extends Observation.Context {

	private final String toolName;

	private final String toolCallId;

	private String outcome = "none";

	private @Nullable String errorType;

	ToolExecutionObservationContext(String toolName, String toolCallId) {
		this.toolName = toolName;
		this.toolCallId = toolCallId;
	}

	/**
	 * Returns the tool's name, bounded by the registered tools.
	 * @return the name, or {@code _OTHER} for a tool the runner does not have
	 */
	public String getToolName() {
		return this.toolName;
	}

	/**
	 * Returns the id of the {@code tool_use} block.
	 * @return the id
	 */
	public String getToolCallId() {
		return this.toolCallId;
	}

	/**
	 * Returns how the execution ended.
	 * @return {@code success}, {@code error}, {@code cancelled}, or {@code none} while it runs
	 */
	public String getOutcome() {
		return this.outcome;
	}

	/**
	 * Returns the simple class name of what the tool threw.
	 * @return the name, or {@code null} unless the outcome is {@code error}
	 */
	public @Nullable String getErrorType() {
		return this.errorType;
	}

	void succeeded() {
		this.outcome = "success";
	}

	void failed(Throwable error) {
		this.outcome = "error";
		this.errorType = error.getClass().getSimpleName();
	}

	void cancelled() {
		this.outcome = "cancelled";
	}

}
