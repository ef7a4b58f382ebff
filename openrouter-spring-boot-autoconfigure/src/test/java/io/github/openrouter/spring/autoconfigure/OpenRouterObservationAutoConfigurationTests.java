package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler;
import io.github.openrouter.spring.messages.observation.MessagesObservationContext;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.github.openrouter.spring.messages.observation.MessagesObservationDocumentation;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterObservationAutoConfiguration}.
 */
class OpenRouterObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenRouterObservationAutoConfiguration.class));

	private final ApplicationContextRunner bootRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				OpenRouterObservationAutoConfiguration.class));

	@Test
	void shouldSupplyBeans() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(MessagesMeterObservationHandler.class)
				.hasSingleBean(DefaultMessagesObservationConvention.class));
	}

	@Test
	void shouldNotSupplyBeansWithoutAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MessagesMeterObservationHandler.class)
			.doesNotHaveBean(MessagesObservationConvention.class));
	}

	@Test
	void shouldNotSupplyBeansIfMicrometerCoreIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MessagesMeterObservationHandler.class)
				.doesNotHaveBean(MessagesObservationConvention.class));
	}

	@Test
	void shouldBackOffOnACustomConvention() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withUserConfiguration(CustomConventionConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(MessagesObservationConvention.class)
				.doesNotHaveBean(DefaultMessagesObservationConvention.class)
				.hasBean("customConvention"));
	}

	@Test
	void shouldNotRecordMetersWhenDisabled() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("openrouter.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MessagesMeterObservationHandler.class)
				.hasSingleBean(MessagesObservationConvention.class));
	}

	@Test
	void shouldRegisterTheHandlerWithBootsObservationRegistryAndCapTags() {
		this.bootRunner.withPropertyValues("openrouter.metrics.max-tag-values=3").run((context) -> {
			ObservationRegistry observationRegistry = context.getBean(ObservationRegistry.class);
			MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
			MessagesObservationConvention convention = context.getBean(MessagesObservationConvention.class);
			for (int i = 0; i < 10; i++) {
				MessagesObservationContext observationContext = new MessagesObservationContext(
						MessageRequest.builder().model("vendor/model-" + i).addUserMessage("Hi").build(), false,
						"openrouter.ai");
				MessagesObservationDocumentation.MESSAGES_CALL
					.observation(convention, new DefaultMessagesObservationConvention(), () -> observationContext,
							observationRegistry)
					.start()
					.stop();
			}
			assertThat(meterRegistry.find(MessagesMeterObservationHandler.OPERATION_DURATION).timers()).hasSize(4);
			assertThat(meterRegistry.find(MessagesMeterObservationHandler.OPERATIONS).counters()).hasSize(4);
			assertThat(meterRegistry.find(DefaultMessagesObservationConvention.DEFAULT_NAME).timers())
				.as("Boot's own timer of the observation, capped by the convention")
				.hasSize(4);
		});
	}

	@Test
	void shouldHandTheConventionBeanToTheClient() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OpenRouterAutoConfiguration.class,
					OpenRouterObservationAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("openrouter.api-key=sk-or-v1-observation-test")
			.withUserConfiguration(CustomConventionConfiguration.class)
			.run((context) -> {
				DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) context
					.getBean(ReactiveMessagesClient.class);
				assertThat(client.settings().observationConvention()).isSameAs(context.getBean("customConvention"));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConventionConfiguration {

		@Bean
		MessagesObservationConvention customConvention() {
			return new MessagesObservationConvention() {
				@Override
				public KeyValues getLowCardinalityKeyValues(MessagesObservationContext context) {
					return KeyValues.of("custom", "yes");
				}

				@Override
				public String getName() {
					return "custom.operation";
				}
			};
		}

	}

}
