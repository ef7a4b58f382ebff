package io.github.openrouter.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when no usable OpenRouter API key is configured. Its message says where
 * the key was looked for and what is wrong with it, never the key itself.
 *
 * @author OpenRouter Spring contributors
 * @see OpenRouterApiKeyFailureAnalyzer
 */
final class OpenRouterApiKeyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	static final String PROPERTY = "openrouter.api-key";

	static final String VARIABLE = "OPENROUTER_API_KEY";

	private final Problem problem;

	private final String source;

	private OpenRouterApiKeyException(Problem problem, String source, String message) {
		super(message);
		this.problem = problem;
		this.source = source;
	}

	/**
	 * Returns the key if it is usable as a bearer token, or throws.
	 * @param apiKey the key, {@code null} if none was found
	 * @param source where the key came from, for example "the 'openrouter.api-key'
	 * property"; used in the message
	 * @return the key
	 * @throws OpenRouterApiKeyException if the key is missing, blank or contains whitespace
	 * or other characters that are not printable ASCII
	 */
	static String requireValid(@Nullable String apiKey, String source) {
		if (apiKey == null || apiKey.isEmpty()) {
			throw new OpenRouterApiKeyException(Problem.MISSING, source,
					"No OpenRouter API key found in " + source + ".");
		}
		if (apiKey.isBlank()) {
			throw invalid(Problem.BLANK, source, "is blank");
		}
		for (int i = 0; i < apiKey.length(); i++) {
			char c = apiKey.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				throw invalid(Problem.WHITESPACE, source, "contains whitespace at position " + i);
			}
			if (c < 0x21 || c > 0x7e) {
				throw invalid(Problem.INVALID_CHARACTER, source,
						"contains a character that is not printable ASCII at position " + i);
			}
		}
		return apiKey;
	}

	private static OpenRouterApiKeyException invalid(Problem problem, String source, String what) {
		return new OpenRouterApiKeyException(problem, source, "The OpenRouter API key from " + source + " " + what
				+ ", so it cannot be sent as a bearer token.");
	}

	Problem getProblem() {
		return this.problem;
	}

	String getSource() {
		return this.source;
	}

	/**
	 * What is wrong with the key.
	 */
	enum Problem {

		/**
		 * No key was found.
		 */
		MISSING,

		/**
		 * The key consists of whitespace only.
		 */
		BLANK,

		/**
		 * The key contains whitespace, typically from copying it with a line break.
		 */
		WHITESPACE,

		/**
		 * The key contains a control or non-ASCII character.
		 */
		INVALID_CHARACTER

	}

}
