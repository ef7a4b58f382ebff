package io.github.openrouter.spring.messages.model;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link ThinkingConfig} by its {@code type}, falling back to {@link UnknownThinkingConfig}.
 */
final class ThinkingConfigDeserializer extends DiscriminatedUnionDeserializer<ThinkingConfig> {

	private static final Map<String, Class<? extends ThinkingConfig>> TYPES = Map.ofEntries(
			Map.entry("enabled", EnabledThinking.class),
			Map.entry("disabled", DisabledThinking.class),
			Map.entry("adaptive", AdaptiveThinking.class));

	ThinkingConfigDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends ThinkingConfig> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected ThinkingConfig unknown(JsonNode json) {
		return new UnknownThinkingConfig(json);
	}

}
