package io.github.openrouter.spring.messages.model;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Extended-thinking configuration of a request.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = ThinkingConfigDeserializer.class)
public sealed interface ThinkingConfig permits EnabledThinking,
		DisabledThinking,
		AdaptiveThinking,
		UnknownThinkingConfig {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	String type();

	/**
	 * Returns thinking enabled with a token budget.
	 * @param budgetTokens the thinking budget
	 * @return the configuration
	 */
	static ThinkingConfig enabled(int budgetTokens) {
		return new EnabledThinking(EnabledThinking.TYPE, budgetTokens, null);
	}

	/**
	 * Returns thinking turned off.
	 * @return the configuration
	 */
	static ThinkingConfig disabled() {
		return new DisabledThinking(DisabledThinking.TYPE);
	}

	/**
	 * Returns adaptive thinking.
	 * @return the configuration
	 */
	static ThinkingConfig adaptive() {
		return new AdaptiveThinking(AdaptiveThinking.TYPE, null);
	}

}
