package io.github.openrouter.spring.messages.tools;

import io.github.openrouter.spring.messages.model.tool.CustomTool;
import tools.jackson.databind.JsonNode;

/**
 * A tool ready to run: its wire definition and how to execute it with the model's input.
 *
 * @param definition the tool as the model sees it
 * @param invoker runs the tool on the model's input
 */
record ToolHandle(CustomTool definition, Invoker invoker) {

	String name() {
		return this.definition.name();
	}

	/**
	 * Runs a tool on the model's input; called on a thread of a bounded scheduler.
	 */
	@FunctionalInterface
	interface Invoker {

		/**
		 * Runs the tool.
		 * @param input the {@code input} of the {@code tool_use} block, an object
		 * @return the text of the tool result
		 * @throws Exception whatever the tool throws; its message becomes an error result
		 */
		String invoke(JsonNode input) throws Exception;

	}

}
