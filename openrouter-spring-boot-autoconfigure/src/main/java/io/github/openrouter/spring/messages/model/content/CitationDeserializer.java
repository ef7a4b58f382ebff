package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link Citation} by its {@code type}, falling back to {@link UnknownCitation}.
 */
final class CitationDeserializer extends DiscriminatedUnionDeserializer<Citation> {

	private static final Map<String, Class<? extends Citation>> TYPES = Map.ofEntries(
			Map.entry("char_location", CharLocationCitation.class),
			Map.entry("page_location", PageLocationCitation.class),
			Map.entry("content_block_location", ContentBlockLocationCitation.class),
			Map.entry("web_search_result_location", WebSearchResultLocationCitation.class),
			Map.entry("search_result_location", SearchResultLocationCitation.class));

	CitationDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends Citation> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected Citation unknown(JsonNode json) {
		return new UnknownCitation(json);
	}

}
