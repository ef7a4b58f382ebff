package io.github.openrouter.spring.messages.model;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link ContextEdit} by its {@code type}, falling back to {@link UnknownContextEdit}.
 */
final class ContextEditDeserializer extends DiscriminatedUnionDeserializer<ContextEdit> {

	private static final Map<String, Class<? extends ContextEdit>> TYPES = Map.ofEntries(
			Map.entry("clear_tool_uses_20250919", ClearToolUsesEdit.class),
			Map.entry("clear_thinking_20251015", ClearThinkingEdit.class),
			Map.entry("compact_20260112", CompactEdit.class));

	ContextEditDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends ContextEdit> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected ContextEdit unknown(JsonNode json) {
		return new UnknownContextEdit(json);
	}

}
