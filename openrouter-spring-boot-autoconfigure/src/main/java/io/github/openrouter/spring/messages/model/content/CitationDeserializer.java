package io.github.openrouter.spring.messages.model.content;

import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link Citation} by its {@code type}, falling back to {@link UnknownCitation}.
 */
final class CitationDeserializer extends ValueDeserializer<Citation> {

	private static final Map<String, Class<? extends Citation>> TYPES = Map.ofEntries(
			Map.entry("char_location", CharLocationCitation.class),
			Map.entry("page_location", PageLocationCitation.class),
			Map.entry("content_block_location", ContentBlockLocationCitation.class),
			Map.entry("web_search_result_location", WebSearchResultLocationCitation.class),
			Map.entry("search_result_location", SearchResultLocationCitation.class));

	@Override
	public Citation deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode discriminator = node.get("type");
		String type = (discriminator != null && discriminator.isString()) ? discriminator.stringValue() : null;
		Class<? extends Citation> target = (type != null) ? TYPES.get(type) : null;
		return (target != null) ? context.readTreeAsValue(node, target) : new UnknownCitation(node);
	}

}
