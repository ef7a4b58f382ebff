package io.github.openrouter.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PropertiesOpenRouterConnectionDetails}.
 *
 * @author OpenRouter Spring contributors
 */
class PropertiesOpenRouterConnectionDetailsTests {

	private static final String KEY = "sk-or-v1-0123456789abcdef";

	private final MockEnvironment environment = new MockEnvironment();

	private PropertiesOpenRouterConnectionDetails connectionDetails = connectionDetails(Map.of());

	@Test
	void shouldUseBaseUrlFromProperties() {
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo("https://openrouter.ai/api/v1");
		this.connectionDetails = connectionDetails(Map.of("openrouter.base-url", "http://127.0.0.1:9999/v1"));
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo("http://127.0.0.1:9999/v1");
	}

	@Test
	void shouldPreferPropertyOverEnvironmentVariable() {
		this.connectionDetails = connectionDetails(Map.of("openrouter.api-key", KEY));
		this.environment.setProperty("OPENROUTER_API_KEY", "sk-or-v1-from-variable");
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(KEY);
	}

	@Test
	void shouldFallBackToEnvironmentVariableWhenPropertyIsNotSet() {
		this.environment.setProperty("OPENROUTER_API_KEY", KEY);
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(KEY);
	}

	@Test
	void shouldFallBackToEnvironmentVariableWhenPropertyIsEmpty() {
		this.connectionDetails = connectionDetails(Map.of("openrouter.api-key", ""));
		this.environment.setProperty("OPENROUTER_API_KEY", KEY);
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(KEY);
	}

	@Test
	void shouldFailNamingPropertyAndVariableWhenNeitherIsSet() {
		assertThatExceptionOfType(OpenRouterApiKeyException.class).isThrownBy(this.connectionDetails::getApiKey)
			.withMessage("No OpenRouter API key found in the 'openrouter.api-key' property "
					+ "or the 'OPENROUTER_API_KEY' environment variable.")
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(OpenRouterApiKeyException.Problem.MISSING));
	}

	@Test
	void shouldFailWhenPropertyIsBlank() {
		this.connectionDetails = connectionDetails(Map.of("openrouter.api-key", "   "));
		this.environment.setProperty("OPENROUTER_API_KEY", KEY);
		assertThatExceptionOfType(OpenRouterApiKeyException.class).isThrownBy(this.connectionDetails::getApiKey)
			.withMessageContaining("the 'openrouter.api-key' property is blank")
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(OpenRouterApiKeyException.Problem.BLANK));
	}

	@Test
	void shouldFailWithoutShowingTheKeyWhenPropertyContainsWhitespace() {
		this.connectionDetails = connectionDetails(Map.of("openrouter.api-key", "sk-or-v1-0123 456789abcdef"));
		assertThatExceptionOfType(OpenRouterApiKeyException.class).isThrownBy(this.connectionDetails::getApiKey)
			.withMessageContaining("the 'openrouter.api-key' property contains whitespace at position 13")
			.withMessageNotContaining("0123")
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(OpenRouterApiKeyException.Problem.WHITESPACE));
	}

	@Test
	void shouldFailWithoutShowingTheKeyWhenVariableEndsWithLineBreak() {
		this.environment.setProperty("OPENROUTER_API_KEY", KEY + "\n");
		assertThatExceptionOfType(OpenRouterApiKeyException.class).isThrownBy(this.connectionDetails::getApiKey)
			.withMessageContaining("the 'OPENROUTER_API_KEY' environment variable contains whitespace")
			.withMessageNotContaining(KEY);
	}

	@Test
	void shouldFailWhenKeyContainsNonAsciiCharacter() {
		this.connectionDetails = connectionDetails(Map.of("openrouter.api-key", "sk-or-v1-caf\u00e9"));
		assertThatExceptionOfType(OpenRouterApiKeyException.class).isThrownBy(this.connectionDetails::getApiKey)
			.withMessageContaining("not printable ASCII")
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(OpenRouterApiKeyException.Problem.INVALID_CHARACTER));
	}

	@Test
	void shouldNotShowTheKeyInToString() {
		OpenRouterProperties properties = properties(
				Map.of("openrouter.api-key", KEY, "openrouter.account.management-key", KEY));
		assertThat(new PropertiesOpenRouterConnectionDetails(properties, this.environment)).hasToString(
				"PropertiesOpenRouterConnectionDetails[baseUrl=https://openrouter.ai/api/v1, apiKey=<redacted>]");
		assertThat(properties.toString()).contains("baseUrl=https://openrouter.ai/api/v1").doesNotContain(KEY);
	}

	private PropertiesOpenRouterConnectionDetails connectionDetails(Map<String, String> properties) {
		return new PropertiesOpenRouterConnectionDetails(properties(properties), this.environment);
	}

	private static OpenRouterProperties properties(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("openrouter",
				OpenRouterProperties.class);
	}

}
