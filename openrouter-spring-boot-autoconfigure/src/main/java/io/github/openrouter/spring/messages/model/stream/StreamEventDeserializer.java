package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link StreamEvent} by its {@code type}, falling back to {@link UnknownStreamEvent}.
 */
final class StreamEventDeserializer extends ValueDeserializer<StreamEvent> {

	private static final Map<String, Class<? extends StreamEvent>> TYPES = Map.ofEntries(
			Map.entry("message_start", MessageStartEvent.class),
			Map.entry("content_block_start", ContentBlockStartEvent.class),
			Map.entry("content_block_delta", ContentBlockDeltaEvent.class),
			Map.entry("content_block_stop", ContentBlockStopEvent.class),
			Map.entry("message_delta", MessageDeltaEvent.class),
			Map.entry("message_stop", MessageStopEvent.class),
			Map.entry("ping", PingEvent.class),
			Map.entry("error", ErrorEvent.class));

	@Override
	public StreamEvent deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends StreamEvent> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownStreamEvent(node);
	}

}
