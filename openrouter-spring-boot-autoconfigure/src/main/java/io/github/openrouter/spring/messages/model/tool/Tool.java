package io.github.openrouter.spring.messages.model.tool;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A tool definition: a custom (client) tool, an Anthropic server or client tool, an OpenRouter server tool, or an unknown one.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = ToolDeserializer.class)
public sealed interface Tool permits CustomTool,
		WebSearchTool,
		BashTool,
		TextEditorTool,
		AdvisorTool,
		ToolSearchTool,
		OpenRouterServerTool,
		UnknownTool {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	@Nullable String type();

}
