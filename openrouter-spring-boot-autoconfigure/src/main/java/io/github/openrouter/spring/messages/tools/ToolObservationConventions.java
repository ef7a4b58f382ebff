package io.github.openrouter.spring.messages.tools;

import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.tools.ToolObservationDocumentation.Keys;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The default names and key values of the {@link ToolRunner}'s observations.
 */
final class ToolObservationConventions {

	static final String LOOP_NAME = "openrouter.tool_loop";

	static final String EXECUTION_NAME = "gen_ai.execute_tool";

	private ToolObservationConventions() {
	}

	/**
	 * The loop's convention.
	 */
	static final class Loop implements ObservationConvention<ToolLoopObservationContext> {

		@Override
		public String getName() {
			return LOOP_NAME;
		}

		@Override
		public String getContextualName(ToolLoopObservationContext context) {
			return "tool_loop";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ToolLoopObservationContext context) {
			return KeyValues.of(Keys.OPERATION_NAME.withValue("tool_loop"), Keys.PROVIDER_NAME.withValue("openrouter"),
					Keys.STOP.withValue(context.getStop()));
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(ToolLoopObservationContext context) {
			ToolLoopResult result = context.getResult();
			if (result == null) {
				return KeyValues.empty();
			}
			Usage usage = result.usage();
			KeyValues values = KeyValues.of(Keys.ROUNDS.withValue(String.valueOf(result.rounds())),
					Keys.INPUT_TOKENS.withValue(String.valueOf(usage.totalInputTokens())),
					Keys.OUTPUT_TOKENS.withValue(String.valueOf(zeroIfNull(usage.outputTokens()))),
					Keys.CACHE_READ_TOKENS.withValue(String.valueOf(zeroIfNull(usage.cacheReadInputTokens()))),
					Keys.CACHE_CREATION_TOKENS.withValue(String.valueOf(zeroIfNull(usage.cacheCreationInputTokens()))));
			return (usage.cost() != null) ? values.and(Keys.COST.withValue(usage.cost().toPlainString())) : values;
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ToolLoopObservationContext;
		}

		private static int zeroIfNull(Integer value) {
			return (value != null) ? value : 0;
		}

	}

	/**
	 * A tool execution's convention.
	 */
	static final class Execution implements ObservationConvention<ToolExecutionObservationContext> {

		@Override
		public String getName() {
			return EXECUTION_NAME;
		}

		@Override
		public String getContextualName(ToolExecutionObservationContext context) {
			return "execute_tool " + context.getToolName();
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ToolExecutionObservationContext context) {
			String errorType = context.getErrorType();
			return KeyValues.of(Keys.OPERATION_NAME.withValue("execute_tool"),
					Keys.TOOL_NAME.withValue(context.getToolName()), Keys.TOOL_TYPE.withValue("function"),
					Keys.OUTCOME.withValue(context.getOutcome()),
					Keys.ERROR_TYPE.withValue((errorType != null) ? errorType : "none"));
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(ToolExecutionObservationContext context) {
			return KeyValues.of(Keys.TOOL_CALL_ID.withValue(context.getToolCallId()));
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ToolExecutionObservationContext;
		}

	}

}
