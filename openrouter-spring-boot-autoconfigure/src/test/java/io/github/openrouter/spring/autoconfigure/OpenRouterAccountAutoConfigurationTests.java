package io.github.openrouter.spring.autoconfigure;

import io.github.openrouter.spring.account.AccountClient;
import io.github.openrouter.spring.account.ReactiveAccountClient;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterAccountAutoConfiguration} and
 * {@link OpenRouterAccountHealthAutoConfiguration}.
 */
class OpenRouterAccountAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(OpenRouterAutoConfiguration.class, OpenRouterAccountAutoConfiguration.class,
						OpenRouterAccountHealthAutoConfiguration.class))
		.withPropertyValues("openrouter.api-key=sk-or-v1-account-autoconfig-test-0123",
				"openrouter.base-url=http://127.0.0.1:9/api/v1");

	@Test
	void shouldSupplyBeans() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(ReactiveAccountClient.class)
				.hasSingleBean(AccountClient.class)
				.hasSingleBean(AccountRefresher.class)
				.hasSingleBean(AccountMetrics.class)
				.hasBean("openrouterHealthIndicator")
				.hasBean("openRouterManagementKeySanitizingFunction"));
	}

	@Test
	void shouldNotRefreshWhenSwitchedOff() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("openrouter.account.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(AccountClient.class)
				.doesNotHaveBean(AccountRefresher.class)
				.doesNotHaveBean(AccountMetrics.class)
				.doesNotHaveBean(OpenRouterHealthIndicator.class));
	}

	@Test
	void shouldNotSupplyTheHealthIndicatorWhenItIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.openrouter.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(AccountRefresher.class)
				.doesNotHaveBean(OpenRouterHealthIndicator.class));
	}

	@Test
	void shouldWorkWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(AccountRefresher.class)
				.doesNotHaveBean(AccountMetrics.class));
	}

	@Test
	void shouldWorkWithoutBootHealth() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(OpenRouterAutoConfiguration.class, OpenRouterAccountAutoConfiguration.class))
			.withPropertyValues("openrouter.api-key=sk-or-v1-account-autoconfig-test-0123",
					"openrouter.base-url=http://127.0.0.1:9/api/v1")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(AccountRefresher.class));
	}

	@Test
	void shouldLetTheImportFilterSkipTheHealthIndicatorWithoutBootHealth() throws Exception {
		java.util.Properties metadata = new java.util.Properties();
		try (java.io.InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-autoconfigure-metadata.properties")) {
			metadata.load(in);
		}
		assertThat(metadata.getProperty(OpenRouterAccountHealthAutoConfiguration.class.getName() + ".ConditionalOnClass"))
			.isEqualTo("org.springframework.boot.health.contributor.HealthIndicator");
	}

	@Test
	void shouldBackOffFromTheApplicationsClient() {
		this.contextRunner.withBean("ownAccountClient", ReactiveAccountClient.class,
				() -> ReactiveAccountClient.create(MessagesClient.builder().apiKey("sk-or-v1-own").buildReactive()))
			.run((context) -> assertThat(context.getBean(AccountClient.class).reactive())
				.isSameAs(context.getBean("ownAccountClient")));
	}

	@Test
	void shouldReadTheBalanceOnlyWithAManagementKey() {
		this.contextRunner.withPropertyValues("openrouter.account.management-key= ")
			.run((context) -> assertThat(context.getBean(ReactiveAccountClient.class).hasManagementKey()).isFalse());
		this.contextRunner.withPropertyValues("openrouter.account.management-key=management-key-0123456789")
			.run((context) -> assertThat(context.getBean(ReactiveAccountClient.class))
				.satisfies((client) -> assertThat(client.hasManagementKey()).isTrue())
				.asString()
				.doesNotContain("management-key-0123456789"));
	}

	@Test
	void shouldRefuseToTurnASingletonBuilderIntoTheManagementClient() {
		this.contextRunner.withPropertyValues("openrouter.account.management-key=management-key-0123456789")
			.withBean(MessagesClientBuilder.class, () -> MessagesClient.builder().apiKey("sk-or-v1-own"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("prototype-scoped"));
	}

	@Test
	void shouldRefuseAnIntervalThatIsNotPositive() {
		this.contextRunner.withPropertyValues("openrouter.account.refresh-interval=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("account.refresh-interval"));
	}

}
