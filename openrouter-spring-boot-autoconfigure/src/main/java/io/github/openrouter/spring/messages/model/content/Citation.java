package io.github.openrouter.spring.messages.model.content;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A citation attached to a text block or streamed in a citations delta.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = CitationDeserializer.class)
public sealed interface Citation permits CharLocationCitation,
		PageLocationCitation,
		ContentBlockLocationCitation,
		WebSearchResultLocationCitation,
		SearchResultLocationCitation,
		UnknownCitation {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	String type();

}
