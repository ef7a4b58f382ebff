package io.github.openrouter.spring.messages.model.tool;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ToolChoice} by its {@code type}, falling back to {@link UnknownToolChoice}.
 */
final class ToolChoiceDeserializer extends ValueDeserializer<ToolChoice> {

	private static final Map<String, Class<? extends ToolChoice>> TYPES = Map.ofEntries(
			Map.entry("auto", AutoToolChoice.class),
			Map.entry("any", AnyToolChoice.class),
			Map.entry("none", NoneToolChoice.class),
			Map.entry("tool", NamedToolChoice.class));

	@Override
	public ToolChoice deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends ToolChoice> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownToolChoice(node);
	}

}
