package io.github.openrouter.spring.messages.model.tool;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * How the model may use tools.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = ToolChoiceDeserializer.class)
public sealed interface ToolChoice permits AutoToolChoice,
		AnyToolChoice,
		NoneToolChoice,
		NamedToolChoice,
		UnknownToolChoice {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	String type();

	/**
	 * Returns {@code {"type":"auto"}}.
	 * @return the choice
	 */
	static ToolChoice auto() {
		return new AutoToolChoice(AutoToolChoice.TYPE, null);
	}

	/**
	 * Returns {@code {"type":"any"}}.
	 * @return the choice
	 */
	static ToolChoice any() {
		return new AnyToolChoice(AnyToolChoice.TYPE, null);
	}

	/**
	 * Returns {@code {"type":"none"}}.
	 * @return the choice
	 */
	static ToolChoice none() {
		return new NoneToolChoice(NoneToolChoice.TYPE);
	}

	/**
	 * Returns {@code {"type":"tool","name":name}}.
	 * @param name the tool the model must call
	 * @return the choice
	 */
	static ToolChoice tool(String name) {
		return new NamedToolChoice(NamedToolChoice.TYPE, name, null);
	}

}
