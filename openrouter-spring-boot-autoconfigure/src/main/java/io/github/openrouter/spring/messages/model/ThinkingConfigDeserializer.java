package io.github.openrouter.spring.messages.model;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ThinkingConfig} by its {@code type}, falling back to {@link UnknownThinkingConfig}.
 */
final class ThinkingConfigDeserializer extends ValueDeserializer<ThinkingConfig> {

	private static final Map<String, Class<? extends ThinkingConfig>> TYPES = Map.ofEntries(
			Map.entry("enabled", EnabledThinking.class),
			Map.entry("disabled", DisabledThinking.class),
			Map.entry("adaptive", AdaptiveThinking.class));

	@Override
	public ThinkingConfig deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends ThinkingConfig> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownThinkingConfig(node);
	}

}
