package io.github.openrouter.spring.messages.model.routing;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link Plugin} by its {@code id}, falling back to {@link UnknownPlugin}.
 */
final class PluginDeserializer extends DiscriminatedUnionDeserializer<Plugin> {

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

	PluginDeserializer() {
		super("id");
	}

	@Override
	protected @Nullable Class<? extends Plugin> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected Plugin unknown(JsonNode json) {
		return new UnknownPlugin(json);
	}

}
