package io.github.openrouter.spring.test.autoconfigure;

import io.github.openrouter.spring.autoconfigure.OpenRouterAutoConfiguration;
import io.github.openrouter.spring.autoconfigure.OpenRouterConnectionDetails;
import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.StubAnswer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterStubAutoConfiguration}.
 */
class OpenRouterStubAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(OpenRouterStubAutoConfiguration.class, OpenRouterAutoConfiguration.class));

	@Test
	void shouldReplaceThePropertiesWithTheStubsConnectionDetails() {
		this.contextRunner
			.withPropertyValues("openrouter.api-key=sk-or-v1-real", "openrouter.base-url=https://example.com")
			.run((context) -> {
				assertThat(context).hasSingleBean(OpenRouterStub.class)
					.hasSingleBean(OpenRouterConnectionDetails.class);
				OpenRouterStub stub = context.getBean(OpenRouterStub.class);
				assertThat(context.getBean(OpenRouterConnectionDetails.class).getBaseUrl()).isEqualTo(stub.baseUrl());
			});
	}

	@Test
	void shouldPointTheClientAtAStubBeanOfTheApplication() {
		this.contextRunner.withBean("myStub", OpenRouterStub.class, () -> OpenRouterStub.start(StubAnswer.text("mine")))
			.run((context) -> {
				assertThat(context).hasSingleBean(OpenRouterStub.class).hasBean("myStub");
				OpenRouterStub stub = context.getBean(OpenRouterStub.class);
				assertThat(context.getBean(OpenRouterConnectionDetails.class).getApiKey()).isEqualTo(stub.apiKey());
			});
	}

	@Test
	void shouldCloseTheStubWithTheContext() {
		OpenRouterStub[] stub = new OpenRouterStub[1];
		this.contextRunner.run((context) -> stub[0] = context.getBean(OpenRouterStub.class));

		assertThat(stub[0]).isNotNull();
		assertThat(StubPorts.accepts(stub[0].port())).isFalse();
	}

}
