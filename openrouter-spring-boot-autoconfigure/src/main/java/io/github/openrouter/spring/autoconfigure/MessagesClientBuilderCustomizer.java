package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.messages.MessagesClientBuilder;

/**
 * Callback interface that can be implemented by beans wishing to customize the
 * {@link MessagesClientBuilder} bean (a prototype) before it is handed out: the one the
 * auto-configured clients are built from, and every one an application injects.
 *
 * <p>
 * Customizers run in {@link org.springframework.core.Ordered} order, after the
 * {@code openrouter.*} properties have been applied, so they can override any of them.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface MessagesClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the client builder to customize
	 */
	void customize(MessagesClientBuilder builder);

}
