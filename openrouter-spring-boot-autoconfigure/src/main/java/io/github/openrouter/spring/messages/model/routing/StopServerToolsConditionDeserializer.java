package io.github.openrouter.spring.messages.model.routing;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link StopServerToolsCondition} by its {@code type}, falling back to {@link UnknownStopServerToolsCondition}.
 */
final class StopServerToolsConditionDeserializer extends ValueDeserializer<StopServerToolsCondition> {

	private static final Map<String, Class<? extends StopServerToolsCondition>> TYPES = Map.ofEntries(
			Map.entry("step_count_is", StepCountIsCondition.class),
			Map.entry("has_tool_call", HasToolCallCondition.class),
			Map.entry("max_tokens_used", MaxTokensUsedCondition.class),
			Map.entry("max_cost", MaxCostCondition.class),
			Map.entry("finish_reason_is", FinishReasonIsCondition.class));

	@Override
	public StopServerToolsCondition deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends StopServerToolsCondition> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownStopServerToolsCondition(node);
	}

}
