package io.github.openrouter.spring.messages.model;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A context edit of {@code context_management.edits}.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = ContextEditDeserializer.class)
public sealed interface ContextEdit permits ClearToolUsesEdit,
		ClearThinkingEdit,
		CompactEdit,
		UnknownContextEdit {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	String type();

}
