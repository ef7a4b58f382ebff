package io.github.openrouter.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * Adapts {@link OpenRouterProperties} to {@link OpenRouterConnectionDetails}, taking the key
 * from {@code openrouter.api-key} or, when that is not set, from the
 * {@code OPENROUTER_API_KEY} environment variable.
 *
 * @author OpenRouter Spring contributors
 */
class PropertiesOpenRouterConnectionDetails implements OpenRouterConnectionDetails {

	private final OpenRouterProperties properties;

	private final Environment environment;

	PropertiesOpenRouterConnectionDetails(OpenRouterProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.baseUrl();
	}

	/**
	 * Returns the key from {@code openrouter.api-key} or, when that is not set or empty,
	 * from the {@code OPENROUTER_API_KEY} environment variable.
	 * @return the key
	 * @throws OpenRouterApiKeyException if neither provides a usable key
	 */
	@Override
	public String getApiKey() {
		String property = this.properties.apiKey();
		if (property != null && !property.isEmpty()) {
			return OpenRouterApiKeyException.requireValid(property,
					"the '" + OpenRouterApiKeyException.PROPERTY + "' property");
		}
		@Nullable String variable = this.environment.getProperty(OpenRouterApiKeyException.VARIABLE);
		if (variable != null && !variable.isEmpty()) {
			return OpenRouterApiKeyException.requireValid(variable,
					"the '" + OpenRouterApiKeyException.VARIABLE + "' environment variable");
		}
		return OpenRouterApiKeyException.requireValid(null, "the '" + OpenRouterApiKeyException.PROPERTY
				+ "' property or the '" + OpenRouterApiKeyException.VARIABLE + "' environment variable");
	}

	@Override
	public String toString() {
		return "PropertiesOpenRouterConnectionDetails[baseUrl=" + getBaseUrl() + ", apiKey=<redacted>]";
	}

}
