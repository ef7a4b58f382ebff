package io.github.openrouter.spring.messages.model.content;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The source of an image or document block.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = BlockSourceDeserializer.class)
public sealed interface BlockSource permits Base64Source,
		UrlSource,
		TextSource,
		ContentSource,
		FileSource,
		UnknownSource {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	String type();

}
