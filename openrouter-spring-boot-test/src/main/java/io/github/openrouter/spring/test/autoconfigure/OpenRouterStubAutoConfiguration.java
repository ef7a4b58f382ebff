package io.github.openrouter.spring.test.autoconfigure;

import io.github.openrouter.spring.autoconfigure.OpenRouterAutoConfiguration;
import io.github.openrouter.spring.autoconfigure.OpenRouterConnectionDetails;
import io.github.openrouter.spring.test.OpenRouterStub;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration, imported by {@link AutoConfigureOpenRouterStub}, that starts an
 * {@link OpenRouterStub} and points the OpenRouter clients at it.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
@AutoConfiguration(before = OpenRouterAutoConfiguration.class)
public final class OpenRouterStubAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	OpenRouterStub openRouterStub() {
		return OpenRouterStub.start();
	}

	@Bean
	StubOpenRouterConnectionDetails openRouterStubConnectionDetails(OpenRouterStub stub) {
		return new StubOpenRouterConnectionDetails(stub);
	}

	/**
	 * Adapts an {@link OpenRouterStub} to {@link OpenRouterConnectionDetails}.
	 */
	static final class StubOpenRouterConnectionDetails implements OpenRouterConnectionDetails {

		private final OpenRouterStub stub;

		StubOpenRouterConnectionDetails(OpenRouterStub stub) {
			this.stub = stub;
		}

		@Override
		public String getBaseUrl() {
			return this.stub.baseUrl();
		}

		@Override
		public String getApiKey() {
			return this.stub.apiKey();
		}

		@Override
		public String toString() {
			return "StubOpenRouterConnectionDetails[baseUrl=" + getBaseUrl() + ", apiKey=<redacted>]";
		}

	}

}
