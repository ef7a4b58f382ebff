package io.github.openrouter.spring.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link OpenRouterApiKeyFailureAnalyzer}.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterApiKeyFailureAnalyzerTests {

	private final OpenRouterApiKeyFailureAnalyzer analyzer = new OpenRouterApiKeyFailureAnalyzer();

	@Test
	void shouldNamePropertyAndVariableWhenKeyIsMissing() {
		FailureAnalysis analysis = this.analyzer.analyze(wrapped(failure(null, "the 'openrouter.api-key' property "
				+ "or the 'OPENROUTER_API_KEY' environment variable")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("No OpenRouter API key found in the 'openrouter.api-key' "
				+ "property or the 'OPENROUTER_API_KEY' environment variable.");
		assertThat(analysis.getAction()).contains("'openrouter.api-key' property")
			.contains("'OPENROUTER_API_KEY' environment variable")
			.contains("spring.autoconfigure.exclude");
	}

	@Test
	void shouldNameTheSourceOfAMalformedKey() {
		FailureAnalysis analysis = this.analyzer
			.analyze(wrapped(failure("sk-or-v1 secret", "the 'OPENROUTER_API_KEY' environment variable")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.startsWith("The OpenRouter API key from the 'OPENROUTER_API_KEY' environment variable contains whitespace")
			.doesNotContain("secret");
		assertThat(analysis.getAction()).contains("the 'OPENROUTER_API_KEY' environment variable")
			.contains("'openrouter.api-key'")
			.doesNotContain("secret");
	}

	@Test
	void shouldNotAnalyzeOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("other"))).isNull();
	}

	@Test
	void shouldBeRegisteredAsFailureAnalyzer() {
		List<String> names = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, (type, name, failure) -> {
				// Boot's own analyzers need constructor arguments; only ours matters here.
			})
			.stream()
			.map((analyzer) -> analyzer.getClass().getName())
			.toList();
		assertThat(names).contains(OpenRouterApiKeyFailureAnalyzer.class.getName());
	}

	private static OpenRouterApiKeyException failure(String apiKey, String source) {
		OpenRouterApiKeyException exception = catchThrowableOfType(OpenRouterApiKeyException.class,
				() -> OpenRouterApiKeyException.requireValid(apiKey, source));
		assertThat(exception).isNotNull();
		return exception;
	}

	private static Throwable wrapped(Throwable cause) {
		return new BeanCreationException("openRouterReactiveMessagesClient", "Failed to instantiate", cause);
	}

}
