package io.github.openrouter.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * the {@code openrouter} {@link OpenRouterHealthIndicator}, when Spring Boot's health support is
 * present, the background refresh of the account runs ({@code openrouter.account.enabled}) and
 * {@code management.health.openrouter.enabled} is not {@code false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenRouterAccountAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AccountRefresher.class)
@ConditionalOnEnabledHealthIndicator("openrouter")
@EnableConfigurationProperties(OpenRouterProperties.class)
public final class OpenRouterAccountHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "openrouterHealthIndicator")
	OpenRouterHealthIndicator openrouterHealthIndicator(AccountRefresher accountRefresher,
			OpenRouterProperties properties) {
		OpenRouterProperties.Account account = properties.account();
		return new OpenRouterHealthIndicator(accountRefresher, account.lowCreditThreshold(),
				account.downWhenUnusable());
	}

}
