package io.github.openrouter.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a missing or malformed OpenRouter API key with the property and the environment
 * variable that set it.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<OpenRouterApiKeyException> {

	private static final String AUTO_CONFIGURATION = OpenRouterAutoConfiguration.class.getName();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OpenRouterApiKeyException cause) {
		String action = (cause.getProblem() == OpenRouterApiKeyException.Problem.MISSING)
				? "Set the '" + OpenRouterApiKeyException.PROPERTY + "' property or the '"
						+ OpenRouterApiKeyException.VARIABLE + "' environment variable to an OpenRouter API key."
				: "Correct the key in " + cause.getSource() + ": copy it again from OpenRouter, without spaces "
						+ "or line breaks. The key is read from the '" + OpenRouterApiKeyException.PROPERTY
						+ "' property or, when that is not set, from the '" + OpenRouterApiKeyException.VARIABLE
						+ "' environment variable.";
		action += " To start the application without the OpenRouter client, exclude " + AUTO_CONFIGURATION
				+ " with 'spring.autoconfigure.exclude'.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
