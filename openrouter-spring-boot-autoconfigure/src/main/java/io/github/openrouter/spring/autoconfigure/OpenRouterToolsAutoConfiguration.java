package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.tools.FunctionTool;
import io.github.openrouter.spring.messages.tools.ToolRunner;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of a {@link ToolRunner} over the auto-configured {@link MessagesClient},
 * offering the tools the application registers explicitly: its {@link FunctionTool} beans, and
 * whatever its {@link ToolRunnerBuilderCustomizer} beans add. No classpath or bean scanning for
 * annotated methods.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenRouterAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnBean(MessagesClient.class)
public final class OpenRouterToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ToolRunner openRouterToolRunner(MessagesClient client, ObjectProvider<FunctionTool<?>> functionTools,
			ObjectProvider<ToolRunnerBuilderCustomizer> customizers, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JsonMapper> jsonMapper) {
		ToolRunner.Builder builder = ToolRunner.builder(client)
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		jsonMapper.ifUnique(builder::mapper);
		functionTools.orderedStream().forEach(builder::tool);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
