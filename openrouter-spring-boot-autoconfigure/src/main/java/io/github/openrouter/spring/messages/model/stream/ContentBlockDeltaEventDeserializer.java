package io.github.openrouter.spring.messages.model.stream;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedMemberDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link ContentBlockDeltaEvent} property by property from the parser, keeping the fields
 * this version does not know. Most events of a stream are this one; Jackson's bean deserializer
 * spends ~150 more bytes on each (a property buffer, an argument array and an any-setter map,
 * measured in {@code benchmarks/README.md} #20), which is why it is read by hand. As the union's
 * member it continues after the {@code type} on the live parser.
 */
final class ContentBlockDeltaEventDeserializer extends DiscriminatedMemberDeserializer<ContentBlockDeltaEvent> {

	private volatile @Nullable ValueDeserializer<Object> deltaDeserializer;

	ContentBlockDeltaEventDeserializer() {
		super("a content_block_delta");
	}

	@Override
	protected ContentBlockDeltaEvent readProperties(JsonParser parser, DeserializationContext context,
			@Nullable JsonToken token) {
		@Nullable Integer index = null;
		@Nullable Delta delta = null;
		@Nullable Map<String, JsonNode> unknown = null;
		for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken valueToken = parser.nextToken();
			if ("index".equals(name)) {
				if (valueToken != JsonToken.VALUE_NUMBER_INT) {
					return context.reportInputMismatch(this, "Expected an integer for 'index' but found %s", valueToken);
				}
				index = parser.getIntValue();
			}
			else if ("delta".equals(name)) {
				delta = (valueToken != JsonToken.VALUE_NULL) ? (Delta) deltaDeserializer(context).deserialize(parser, context)
						: null;
			}
			else if ("type".equals(name)) {
				parser.skipChildren();
			}
			else {
				unknown = (unknown != null) ? unknown : new LinkedHashMap<>();
				unknown.put(name, context.readTree(parser));
			}
		}
		if (index == null || delta == null) {
			return context.reportInputMismatch(this, "Missing required creator property '%s'",
					(index == null) ? "index" : "delta");
		}
		return new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, index, delta,
				(unknown != null) ? unknown : Map.of());
	}

	private ValueDeserializer<Object> deltaDeserializer(DeserializationContext context) {
		ValueDeserializer<Object> deserializer = this.deltaDeserializer;
		if (deserializer == null) {
			deserializer = context.findRootValueDeserializer(context.constructType(Delta.class));
			this.deltaDeserializer = deserializer;
		}
		return deserializer;
	}

}
