package io.github.openrouter.spring.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the API key configured for {@link OpenRouterAutoConfiguration} never appears in the
 * actuator {@code env} and {@code configprops} endpoints over HTTP, even when they show values.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterActuatorEndpointsTests {

	private static final String API_KEY = "sk-or-v1-actuator-test-5a4b3c2d1e";

	private static final String VARIABLE_KEY = "sk-or-v1-variable-test-6f7e8d9c";

	@Test
	void shouldMaskApiKeyInEnvAndConfigpropsEndpoints() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ActuatorTestApplication.class)
			.web(WebApplicationType.REACTIVE)
			.run("--server.port=0", "--server.address=127.0.0.1", "--openrouter.api-key=" + API_KEY,
					"--OPENROUTER_API_KEY=" + VARIABLE_KEY, "--openrouter.default-model=anthropic/claude-sonnet-4",
					"--management.endpoints.web.exposure.include=env,configprops",
					"--management.endpoint.env.show-values=always",
					"--management.endpoint.configprops.show-values=always")) {
			String port = context.getEnvironment().getProperty("local.server.port");
			WebClient client = WebClient.create("http://127.0.0.1:" + port + "/actuator");
			String env = get(client, "/env");
			String entry = get(client, "/env/openrouter.api-key");
			String variable = get(client, "/env/OPENROUTER_API_KEY");
			String configProps = get(client, "/configprops");
			assertThat(env).contains("anthropic/claude-sonnet-4").contains("******");
			assertThat(configProps).contains("anthropic/claude-sonnet-4").contains("\"apiKey\":\"******\"");
			assertThat(entry).contains("******");
			assertThat(variable).contains("******");
			for (String body : new String[] { env, entry, variable, configProps }) {
				assertThat(body).doesNotContain(API_KEY).doesNotContain(VARIABLE_KEY);
			}
		}
	}

	private static String get(WebClient client, String path) {
		String body = client.get().uri(path).retrieve().bodyToMono(String.class).block();
		assertThat(body).as(path).isNotNull();
		return body;
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ActuatorTestApplication {

	}

}
