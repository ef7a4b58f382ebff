package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.messages.observation.DefaultMessagesObservationConvention;
import io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the meters of OpenRouter messages calls: a replaceable
 * {@link MessagesObservationConvention} and the {@link MessagesMeterObservationHandler}, which
 * Spring Boot registers with its {@link ObservationRegistry} like any {@code ObservationHandler} bean.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(OpenRouterProperties.class)
public final class OpenRouterObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(MessagesObservationConvention.class)
	DefaultMessagesObservationConvention messagesObservationConvention(OpenRouterProperties properties) {
		return new DefaultMessagesObservationConvention(properties.metrics().maxTagValues());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "openrouter.metrics.enabled", matchIfMissing = true)
	MessagesMeterObservationHandler messagesMeterObservationHandler(MeterRegistry meterRegistry,
			OpenRouterProperties properties) {
		return new MessagesMeterObservationHandler(meterRegistry, properties.metrics().maxTagValues());
	}

}
