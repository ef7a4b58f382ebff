package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link StreamEvent} by its {@code type}, falling back to {@link UnknownStreamEvent}.
 */
final class StreamEventDeserializer extends DiscriminatedUnionDeserializer<StreamEvent> {

	private static final Map<String, Class<? extends StreamEvent>> TYPES = Map.ofEntries(
			Map.entry("message_start", MessageStartEvent.class),
			Map.entry("content_block_start", ContentBlockStartEvent.class),
			Map.entry("content_block_delta", ContentBlockDeltaEvent.class),
			Map.entry("content_block_stop", ContentBlockStopEvent.class),
			Map.entry("message_delta", MessageDeltaEvent.class),
			Map.entry("message_stop", MessageStopEvent.class),
			Map.entry("ping", PingEvent.class),
			Map.entry("error", ErrorEvent.class));

	StreamEventDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends StreamEvent> memberType(@Nullable String type, Set<String> propertyNames) {
		if (ContentBlockDeltaEvent.TYPE.equals(type)) {
			// most of a stream: compared before hashing the type, a new string each time
			return ContentBlockDeltaEvent.class;
		}
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected StreamEvent unknown(JsonNode json) {
		return new UnknownStreamEvent(json);
	}

}
