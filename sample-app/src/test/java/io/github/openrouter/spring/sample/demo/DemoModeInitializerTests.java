package io.github.openrouter.spring.sample.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

import io.github.openrouter.spring.test.OpenRouterStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DemoModeInitializer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeInitializerTests {

	@Test
	void shouldStartStubAndPointStarterAtItWhenNoKeyIsConfigured(CapturedOutput output) throws IOException {
		OpenRouterStub server;
		try (ConfigurableApplicationContext context = run("sample.demo-mode=auto", "openrouter.api-key=")) {
			server = context.getBean(DemoModeInitializer.SERVER_BEAN_NAME, OpenRouterStub.class);
			assertThat(context.getEnvironment().getProperty("openrouter.base-url")).isEqualTo(server.baseUrl());
			assertThat(context.getEnvironment().getProperty("openrouter.api-key")).isEqualTo(server.apiKey());
			assertThat(accepts(server)).isTrue();
		}
		assertThat(accepts(server)).isFalse();
		assertThat(output).contains("DEMO MODE", server.baseUrl(), "export OPENROUTER_API_KEY=")
			.doesNotContain(server.apiKey());
	}

	@Test
	void shouldStayOutOfTheWayWhenKeyIsConfigured(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("openrouter.api-key=sk-or-v1-test")) {
			assertThat(context.containsBean(DemoModeInitializer.SERVER_BEAN_NAME)).isFalse();
			assertThat(context.getEnvironment().getProperty("openrouter.api-key")).isEqualTo("sk-or-v1-test");
		}
		try (ConfigurableApplicationContext context = run("OPENROUTER_API_KEY=sk-or-v1-env")) {
			assertThat(context.containsBean(DemoModeInitializer.SERVER_BEAN_NAME)).isFalse();
		}
		assertThat(output).doesNotContain("DEMO MODE");
	}

	@Test
	void shouldOverrideConfiguredKeyWhenDemoModeIsForced() {
		try (ConfigurableApplicationContext context = run("sample.demo-mode=always",
				"openrouter.api-key=sk-or-v1-test")) {
			OpenRouterStub server = context.getBean(OpenRouterStub.class);
			assertThat(context.getEnvironment().getProperty("openrouter.api-key")).isEqualTo(server.apiKey());
		}
		try (ConfigurableApplicationContext context = run("sample.demo-mode=never", "openrouter.api-key=")) {
			assertThat(context.containsBean(DemoModeInitializer.SERVER_BEAN_NAME)).isFalse();
		}
	}

	@Test
	void shouldRejectUnknownMode() {
		assertThatIllegalStateException().isThrownBy(() -> run("sample.demo-mode=sometimes"))
			.withMessageContaining("sample.demo-mode")
			.withMessageContaining("auto, always or never");
	}

	private static ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(EmptyConfiguration.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	private static boolean accepts(OpenRouterStub server) throws IOException {
		URI uri = URI.create(server.baseUrl());
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
			return true;
		}
		catch (ConnectException ex) {
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
