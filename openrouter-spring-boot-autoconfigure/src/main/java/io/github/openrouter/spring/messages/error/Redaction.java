package io.github.openrouter.spring.messages.error;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks anything that looks like an API key or a bearer token in text bound for exceptions.
 */
final class Redaction {

	static final String MASK = "[REDACTED]";

	private static final Pattern SECRETS = Pattern.compile(
			"(?i)(bearer\\s+)[^\\s\"',;]+|\\bsk-[A-Za-z0-9_-]{8,}|(\"?(?:authorization|x-api-key)\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]+");

	private Redaction() {
	}

	static String redact(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return (text != null) ? text : "";
		}
		return SECRETS.matcher(text).replaceAll((match) -> {
			String prefix = (match.group(1) != null) ? match.group(1) : (match.group(2) != null) ? match.group(2) : "";
			return java.util.regex.Matcher.quoteReplacement(prefix + MASK);
		});
	}

}
