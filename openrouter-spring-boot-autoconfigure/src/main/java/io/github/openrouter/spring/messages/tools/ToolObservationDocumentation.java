package io.github.openrouter.spring.messages.tools;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the observations of a {@link ToolRunner}: one for the loop, the parent of each
 * round's {@code gen_ai.client.operation} and of each tool execution. Every low-cardinality
 * value is bounded: tool names are those registered with the runner ({@code _OTHER} for a name
 * the model made up), stops and outcomes are fixed sets.
 *
 * @since 0.1.0
 */
public enum ToolObservationDocumentation implements ObservationDocumentation {

	/**
	 * A whole tool loop, from subscription to its result, error or cancellation; carries the
	 * usage and cost summed over every round as high-cardinality values.
	 */
	TOOL_LOOP {

		@Override
		public String getName() {
			return ToolObservationConventions.LOOP_NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return ToolObservationConventions.Loop.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { Keys.OPERATION_NAME, Keys.PROVIDER_NAME, Keys.STOP };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { Keys.ROUNDS, Keys.INPUT_TOKENS, Keys.OUTPUT_TOKENS, Keys.CACHE_READ_TOKENS,
					Keys.CACHE_CREATION_TOKENS, Keys.COST };
		}

	},

	/**
	 * One execution of a tool: {@code gen_ai.operation.name=execute_tool} in the OpenTelemetry
	 * GenAI conventions.
	 */
	TOOL_EXECUTION {

		@Override
		public String getName() {
			return ToolObservationConventions.EXECUTION_NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return ToolObservationConventions.Execution.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { Keys.OPERATION_NAME, Keys.TOOL_NAME, Keys.TOOL_TYPE, Keys.OUTCOME, Keys.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { Keys.TOOL_CALL_ID };
		}

	};

	/**
	 * The keys of both observations.
	 */
	public enum Keys implements KeyName {

		/** {@code gen_ai.operation.name}: {@code tool_loop} or {@code execute_tool}. */
		OPERATION_NAME("gen_ai.operation.name"),

		/** {@code gen_ai.provider.name}: always {@code openrouter}. */
		PROVIDER_NAME("gen_ai.provider.name"),

		/** Why the loop stopped: a {@link ToolLoopStop#value()}, {@code error} or {@code cancelled}. */
		STOP("openrouter.tool_loop.stop"),

		/** {@code gen_ai.tool.name}: a registered tool's name, or {@code _OTHER}. */
		TOOL_NAME("gen_ai.tool.name"),

		/** {@code gen_ai.tool.type}: always {@code function}. */
		TOOL_TYPE("gen_ai.tool.type"),

		/** {@code success}, {@code error} (the tool threw) or {@code cancelled}. */
		OUTCOME("outcome"),

		/** The exception's simple class name, or {@code none}. */
		ERROR_TYPE("error.type"),

		/** {@code gen_ai.tool.call.id}: the {@code tool_use} block's id. */
		TOOL_CALL_ID("gen_ai.tool.call.id"),

		/** Number of model calls of the loop. */
		ROUNDS("openrouter.tool_loop.rounds"),

		/** {@code gen_ai.usage.input_tokens} summed over the rounds, cache reads and writes included. */
		INPUT_TOKENS("gen_ai.usage.input_tokens"),

		/** {@code gen_ai.usage.output_tokens} summed over the rounds. */
		OUTPUT_TOKENS("gen_ai.usage.output_tokens"),

		/** Cache reads summed over the rounds. */
		CACHE_READ_TOKENS("gen_ai.usage.cache_read.input_tokens"),

		/** Cache writes summed over the rounds. */
		CACHE_CREATION_TOKENS("gen_ai.usage.cache_creation.input_tokens"),

		/** Cost in USD summed over the rounds, when reported. */
		COST("openrouter.cost");

		private final String name;

		Keys(String name) {
			this.name = name;
		}

		@Override
		public String asString() {
			return this.name;
		}

	}

}
