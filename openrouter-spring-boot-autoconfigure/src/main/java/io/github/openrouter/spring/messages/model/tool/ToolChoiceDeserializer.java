package io.github.openrouter.spring.messages.model.tool;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link ToolChoice} by its {@code type}, falling back to {@link UnknownToolChoice}.
 */
final class ToolChoiceDeserializer extends DiscriminatedUnionDeserializer<ToolChoice> {

	private static final Map<String, Class<? extends ToolChoice>> TYPES = Map.ofEntries(
			Map.entry("auto", AutoToolChoice.class),
			Map.entry("any", AnyToolChoice.class),
			Map.entry("none", NoneToolChoice.class),
			Map.entry("tool", NamedToolChoice.class));

	ToolChoiceDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends ToolChoice> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected ToolChoice unknown(JsonNode json) {
		return new UnknownToolChoice(json);
	}

}
