package io.github.openrouter.spring.messages.model.routing;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An OpenRouter plugin, told apart by its {@code id}.
 *
 * <p>
 * Read by its {@code id}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = PluginDeserializer.class)
public sealed interface Plugin permits AutoRouterPlugin,
		AutoBetaRouterPlugin,
		ModerationPlugin,
		WebPlugin,
		WebFetchPlugin,
		FileParserPlugin,
		ResponseHealingPlugin,
		ContextCompressionPlugin,
		ParetoRouterPlugin,
		FusionPlugin,
		UnknownPlugin {

	/**
	 * Returns the wire {@code id}.
	 * @return the discriminator value
	 */
	String id();

}
