package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.tools.FunctionTool;
import io.github.openrouter.spring.messages.tools.OpenRouterTool;
import io.github.openrouter.spring.messages.tools.ToolRunner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterToolsAutoConfiguration}.
 */
class OpenRouterToolsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenRouterAutoConfiguration.class,
				OpenRouterToolsAutoConfiguration.class))
		.withPropertyValues("openrouter.api-key=sk-or-v1-test");

	@Test
	void shouldOfferFunctionToolBeansAndWhatCustomizersAdd() {
		this.contextRunner.withUserConfiguration(ToolsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ToolRunner.class);
			assertThat(context.getBean(ToolRunner.class).tools()).extracting(CustomTool::name)
				.containsExactly("echo", "lookup");
		});
	}

	@Test
	void shouldNotScanBeansForToolMethods() {
		this.contextRunner.withBean(Lookup.class).run((context) -> {
			assertThat(context).hasSingleBean(ToolRunner.class);
			assertThat(context.getBean(ToolRunner.class).tools()).isEmpty();
		});
	}

	@Test
	void shouldBackOffWithoutAClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OpenRouterToolsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ToolRunner.class));
	}

	@Test
	void shouldBackOffFromTheApplicationsRunner() {
		this.contextRunner.withUserConfiguration(ToolsConfiguration.class)
			.withBean("myRunner", ToolRunner.class,
					() -> ToolRunner.builder(MessagesClient.builder()
						.apiKey("sk-or-v1-test")
						.build()).build())
			.run((context) -> assertThat(context).hasSingleBean(ToolRunner.class).hasBean("myRunner"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ToolsConfiguration {

		@Bean
		FunctionTool<Echo> echoTool() {
			return FunctionTool.of("echo", "Echoes its text", Echo.class, Echo::text);
		}

		@Bean
		Lookup lookup() {
			return new Lookup();
		}

		@Bean
		ToolRunnerBuilderCustomizer lookupTools(Lookup lookup) {
			return (builder) -> builder.tools(lookup);
		}

	}

	/**
	 * A bean with a tool method.
	 */
	public static class Lookup {

		@OpenRouterTool(description = "Looks a word up")
		public String lookup(String word) {
			return word;
		}

	}

	record Echo(String text) {
	}

}
