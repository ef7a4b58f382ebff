package io.github.openrouter.spring.starter;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.AutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that the tests run on the Spring Boot the build manages, so that a run with
 * {@code -Pboot-4.1} really is a run on Boot 4.1.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterStarterSpringBootVersionTests {

	@Test
	void shouldRunOnTheSpringBootTheBuildManages() {
		String expected = System.getProperty("openrouter.build.spring-boot-version");
		assumeTrue(expected != null, "set by the build's surefire configuration");
		assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
		assertThat(AutoConfiguration.class.getPackage().getImplementationVersion()).isEqualTo(expected);
	}

}
