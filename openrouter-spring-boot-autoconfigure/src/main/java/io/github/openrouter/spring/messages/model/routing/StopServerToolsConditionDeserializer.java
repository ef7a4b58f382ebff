package io.github.openrouter.spring.messages.model.routing;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link StopServerToolsCondition} by its {@code type}, falling back to {@link UnknownStopServerToolsCondition}.
 */
final class StopServerToolsConditionDeserializer extends DiscriminatedUnionDeserializer<StopServerToolsCondition> {

	private static final Map<String, Class<? extends StopServerToolsCondition>> TYPES = Map.ofEntries(
			Map.entry("step_count_is", StepCountIsCondition.class),
			Map.entry("has_tool_call", HasToolCallCondition.class),
			Map.entry("max_tokens_used", MaxTokensUsedCondition.class),
			Map.entry("max_cost", MaxCostCondition.class),
			Map.entry("finish_reason_is", FinishReasonIsCondition.class));

	StopServerToolsConditionDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends StopServerToolsCondition> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected StopServerToolsCondition unknown(JsonNode json) {
		return new UnknownStopServerToolsCondition(json);
	}

}
