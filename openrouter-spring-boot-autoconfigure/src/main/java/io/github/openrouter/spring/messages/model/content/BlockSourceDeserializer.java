package io.github.openrouter.spring.messages.model.content;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link BlockSource} by its {@code type}, falling back to {@link UnknownSource}.
 */
final class BlockSourceDeserializer extends ValueDeserializer<BlockSource> {

	private static final Map<String, Class<? extends BlockSource>> TYPES = Map.ofEntries(
			Map.entry("base64", Base64Source.class),
			Map.entry("url", UrlSource.class),
			Map.entry("text", TextSource.class),
			Map.entry("content", ContentSource.class),
			Map.entry("file", FileSource.class));

	@Override
	public BlockSource deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends BlockSource> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownSource(node);
	}

}
