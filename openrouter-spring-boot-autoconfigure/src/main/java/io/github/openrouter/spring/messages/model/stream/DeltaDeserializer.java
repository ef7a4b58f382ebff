package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link Delta} by its {@code type}, falling back to {@link UnknownDelta}.
 */
final class DeltaDeserializer extends ValueDeserializer<Delta> {

	private static final Map<String, Class<? extends Delta>> TYPES = Map.ofEntries(
			Map.entry("text_delta", TextDelta.class),
			Map.entry("input_json_delta", InputJsonDelta.class),
			Map.entry("thinking_delta", ThinkingDelta.class),
			Map.entry("signature_delta", SignatureDelta.class),
			Map.entry("citations_delta", CitationsDelta.class),
			Map.entry("compaction_delta", CompactionDelta.class));

	@Override
	public Delta deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends Delta> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownDelta(node);
	}

}
