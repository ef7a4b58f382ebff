package io.github.openrouter.spring.messages.tools;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The context of a {@link ToolObservationDocumentation#TOOL_LOOP} observation.
 *
 * @since 0.1.0
 */
public class ToolLoopObservationContext extends Observation.Context {

	private @Nullable ToolLoopResult result;

	private String stop = "none";

	/**
	 * Returns the loop's result, once it completed.
	 * @return the result with the summed usage, or {@code null} before completion or after an
	 * error or cancellation
	 */
	public @Nullable ToolLoopResult getResult() {
		return this.result;
	}

	void setResult(ToolLoopResult result) {
		this.result = result;
		this.stop = result.stop().value();
	}

	/**
	 * Returns why the loop stopped.
	 * @return a {@link ToolLoopStop#value()}, {@code error}, {@code cancelled}, or {@code none}
	 * while it runs
	 */
	public String getStop() {
		return this.stop;
	}

	void setStop(String stop) {
		this.stop = stop;
	}

}
