package io.github.openrouter.spring.autoconfigure;

import java.time.Clock;

import io.github.openrouter.spring.account.AccountClient;
import io.github.openrouter.spring.account.ReactiveAccountClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * the OpenRouter account: the {@link ReactiveAccountClient} and {@link AccountClient}, whose calls
 * go through clients of the prototype {@link MessagesClientBuilder} (the transport, settings and
 * customizers of the messages client; a second one with {@code openrouter.account.management-key}
 * as its key reads the balance), a background refresh of the key's limits and usage
 * ({@code GET /api/v1/key} at startup and every {@code openrouter.account.refresh-interval}, off
 * with {@code openrouter.account.enabled=false}), the account gauges when Micrometer is present.
 * The {@code openrouter} health indicator is configured by
 * {@link OpenRouterAccountHealthAutoConfiguration}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenRouterAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(OpenRouterProperties.class)
public final class OpenRouterAccountAutoConfiguration {

	private static final String ENABLED = "openrouter.account.enabled";

	@Bean
	@ConditionalOnMissingBean
	ReactiveAccountClient openRouterReactiveAccountClient(ObjectProvider<MessagesClientBuilder> builders,
			OpenRouterProperties properties) {
		// clients from the prototype builder: the messages transport, settings and customizers; their
		// connector is Boot's, shared and disposed with the context, so they hold nothing to close
		MessagesClientBuilder builder = builders.getObject();
		ReactiveMessagesClient client = builder.buildReactive();
		String managementKey = properties.account().managementKey();
		if (!StringUtils.hasText(managementKey)) {
			return ReactiveAccountClient.create(client);
		}
		MessagesClientBuilder managementBuilder = builders.getObject();
		Assert.state(managementBuilder != builder, "The MessagesClientBuilder bean must be prototype-scoped: "
				+ "the client of the management key is built from a builder of its own");
		return ReactiveAccountClient.create(client, managementBuilder.apiKey(managementKey).buildReactive());
	}

	@Bean
	@ConditionalOnMissingBean
	AccountClient openRouterAccountClient(ReactiveAccountClient reactiveAccountClient) {
		return AccountClient.of(reactiveAccountClient);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	AccountRefresher openRouterAccountRefresher(ReactiveAccountClient reactiveAccountClient,
			OpenRouterProperties properties, ObjectProvider<AccountRefresher.Listener> listeners) {
		return new AccountRefresher(reactiveAccountClient, properties.account().refreshInterval(),
				Clock.systemUTC(), listeners.orderedStream().toList());
	}

	/**
	 * The account gauges, when the application has a {@link MeterRegistry}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnBooleanProperty(name = ENABLED, matchIfMissing = true)
	static class AccountMetricsConfiguration {

		@Bean
		AccountMetrics openRouterAccountMetrics(MeterRegistry meterRegistry) {
			return new AccountMetrics(meterRegistry, Clock.systemUTC());
		}

	}

	/**
	 * Hides the management key from the actuator {@code env} and {@code configprops} endpoints,
	 * even when they are set to show values.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ManagementKeySanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "openRouterManagementKeySanitizingFunction")
		SanitizingFunction openRouterManagementKeySanitizingFunction() {
			return SanitizingFunction.sanitizeValue()
				.ifMatches(ManagementKeySanitizingConfiguration::isManagementKey);
		}

		private static boolean isManagementKey(SanitizableData data) {
			String key = data.getLowerCaseKey().replace("-", "").replace("_", "").replace(".", "");
			return key.endsWith("openrouteraccountmanagementkey");
		}

	}

}
