package io.github.openrouter.spring.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to establish a connection to OpenRouter: where to send requests and the
 * key that authenticates them.
 *
 * <p>
 * Define a bean of this type to point the auto-configured client elsewhere, for example at a
 * test server or a key vault, without touching the {@code openrouter.*} properties.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public interface OpenRouterConnectionDetails extends ConnectionDetails {

	/**
	 * Returns the base URL of the API; requests go to its {@code /messages} path.
	 * @return the base URL, for example {@code https://openrouter.ai/api/v1}
	 */
	String getBaseUrl();

	/**
	 * Returns the API key, sent as a bearer token. Implementations must not include it in
	 * {@code toString()} or in exception messages.
	 * @return the API key
	 */
	String getApiKey();

}
