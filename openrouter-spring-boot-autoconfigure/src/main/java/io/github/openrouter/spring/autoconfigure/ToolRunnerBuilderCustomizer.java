package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.messages.tools.ToolRunner;

/**
 * Callback interface that can be implemented by beans wishing to customize the
 * {@link ToolRunner.Builder} of the auto-configured {@link ToolRunner} before it is built, such
 * as to add an object's {@link io.github.openrouter.spring.messages.tools.OpenRouterTool}
 * methods with {@code builder.tools(weatherService)} or to set bounds.
 *
 * <p>
 * Customizers run in {@link org.springframework.core.Ordered} order, after the
 * {@link io.github.openrouter.spring.messages.tools.FunctionTool} beans have been added.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ToolRunnerBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the runner builder to customize
	 */
	void customize(ToolRunner.Builder builder);

}
