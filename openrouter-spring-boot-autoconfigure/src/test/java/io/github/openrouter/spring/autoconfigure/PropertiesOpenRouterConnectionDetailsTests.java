package io.github.openrouter.spring.autoconfigure;

import org.junit.jupiter.api.Test;

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

	private final OpenRouterProperties properties = new OpenRouterProperties();

	private final MockEnvironment environment = new MockEnvironment();

	private final PropertiesOpenRouterConnectionDetails connectionDetails = new PropertiesOpenRouterConnectionDetails(
			this.properties, this.environment);

	@Test
	void shouldUseBaseUrlFromProperties() {
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo("https://openrouter.ai/api/v1");
		this.properties.setBaseUrl("http://127.0.0.1:9999/v1");
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo("http://127.0.0.1:9999/v1");
	}

	@Test
	void shouldPreferPropertyOverEnvironmentVariable() {
		this.properties.setApiKey(KEY);
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
		this.properties.setApiKey("");
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
		this.properties.setApiKey("   ");
		this.environment.setProperty("OPENROUTER_API_KEY", KEY);
		assertThatExceptionOfType(OpenRouterApiKeyException.class).isThrownBy(this.connectionDetails::getApiKey)
			.withMessageContaining("the 'openrouter.api-key' property is blank")
			.satisfies((ex) -> assertThat(ex.getProblem()).isEqualTo(OpenRouterApiKeyException.Problem.BLANK));
	}

	@Test
	void shouldFailWithoutShowingTheKeyWhenPropertyContainsWhitespace() {
		this.properties.setApiKey("sk-or-v1-0123 456789abcdef");
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
		this.properties.setApiKey("sk-or-v1-caf\u00e9");
		assertThatExceptionOfType(OpenRouterApiKeyException.class).isThrownBy(this.connectionDetails::getApiKey)
			.withMessageContaining("not printable ASCII")
			.satisfies((ex) -> assertThat(ex.getProblem())
				.isEqualTo(OpenRouterApiKeyException.Problem.INVALID_CHARACTER));
	}

	@Test
	void shouldNotShowTheKeyInToString() {
		this.properties.setApiKey(KEY);
		assertThat(this.connectionDetails).hasToString(
				"PropertiesOpenRouterConnectionDetails[baseUrl=https://openrouter.ai/api/v1, apiKey=<redacted>]");
		assertThat(this.properties.toString()).doesNotContain(KEY);
	}

}
