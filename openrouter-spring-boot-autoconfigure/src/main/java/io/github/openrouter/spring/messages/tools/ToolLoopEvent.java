package io.github.openrouter.spring.messages.tools;

import java.util.Objects;

import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;

/**
 * One event of a streamed tool loop ({@link ToolRunner#stream}): the model's events of each round
 * in order, the tool executions between rounds, and the result at the end.
 *
 * @since 0.1.0
 */
public sealed interface ToolLoopEvent
		permits ToolLoopEvent.ModelEvent, ToolLoopEvent.ToolExecuted, ToolLoopEvent.Completed {

	/**
	 * An event of the model's stream.
	 *
	 * @param round the round, from 1
	 * @param event the event as the client streamed it
	 */
	record ModelEvent(int round, StreamEvent event) implements ToolLoopEvent {

		/**
		 * Creates an event.
		 * @param round the round, from 1
		 * @param event the stream event
		 */
		public ModelEvent {
			Objects.requireNonNull(event, "event");
		}

	}

	/**
	 * A tool ran after a round; emitted in the order of the {@code tool_use} blocks, once all the
	 * round's tools have finished.
	 *
	 * @param round the round whose answer asked for the tool, from 1
	 * @param toolUse the model's {@code tool_use} block
	 * @param result the {@code tool_result} sent back ({@code is_error} when the tool threw)
	 */
	record ToolExecuted(int round, ToolUseBlock toolUse, ToolResultBlock result) implements ToolLoopEvent {

		/**
		 * Creates an event.
		 * @param round the round, from 1
		 * @param toolUse the tool use
		 * @param result the tool result
		 */
		public ToolExecuted {
			Objects.requireNonNull(toolUse, "toolUse");
			Objects.requireNonNull(result, "result");
		}

	}

	/**
	 * The loop's result, the last event.
	 *
	 * @param result the final message, transcript and summed usage
	 */
	record Completed(ToolLoopResult result) implements ToolLoopEvent {

		/**
		 * Creates an event.
		 * @param result the result
		 */
		public Completed {
			Objects.requireNonNull(result, "result");
		}

	}

}
