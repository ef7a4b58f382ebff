package io.github.openrouter.spring.messages.model.routing;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link Plugin} by its {@code id}, falling back to {@link UnknownPlugin}.
 */
final class PluginDeserializer extends ValueDeserializer<Plugin> {

	private static final Map<String, Class<? extends Plugin>> TYPES = Map.ofEntries(
			Map.entry("auto-router", AutoRouterPlugin.class),
			Map.entry("auto-beta-router", AutoBetaRouterPlugin.class),
			Map.entry("moderation", ModerationPlugin.class),
			Map.entry("web", WebPlugin.class),
			Map.entry("web-fetch", WebFetchPlugin.class),
			Map.entry("file-parser", FileParserPlugin.class),
			Map.entry("response-healing", ResponseHealingPlugin.class),
			Map.entry("context-compression", ContextCompressionPlugin.class),
			Map.entry("pareto-router", ParetoRouterPlugin.class),
			Map.entry("fusion", FusionPlugin.class));

	@Override
	public Plugin deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("id");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends Plugin> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownPlugin(node);
	}

}
