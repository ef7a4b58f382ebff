package io.github.openrouter.spring.messages.error;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Masks anything that looks like an API key or a bearer token in text bound for exceptions, and
 * replaces the control characters of text bound for exception messages, so that a server's text
 * cannot forge log lines or drive a terminal: a line break (CR, LF, CRLF, NEL, U+2028, U+2029)
 * becomes a space, any other C0 or C1 control character or DEL becomes U+FFFD; tabs stay.
 */
final class Redaction {

	static final String MASK = "[REDACTED]";

	private static final Pattern SECRETS = Pattern.compile(
			"(?i)(bearer\\s+)[^\\s\"',;]+|\\bsk-[A-Za-z0-9_-]{8,}|(\"?(?:authorization|x-api-key)\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]+");

	private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\u0085\\u2028\\u2029]");

	private static final Pattern CONTROL = Pattern.compile("[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]");

	private Redaction() {
	}

	/**
	 * Returns text fit for an exception message: key-like strings masked, control characters
	 * replaced.
	 * @param text the text, or {@code null}
	 * @return the text to show; empty for {@code null}
	 */
	static String forMessage(@Nullable String text) {
		String redacted = redact(text);
		if (redacted.isEmpty()) {
			return redacted;
		}
		return CONTROL.matcher(LINE_BREAK.matcher(redacted).replaceAll(" ")).replaceAll("\uFFFD");
	}

	/**
	 * Returns {@link #forMessage(String)} of a text that may be absent.
	 * @param text the text, or {@code null}
	 * @return the text to show, or {@code null}
	 */
	static @Nullable String forMessageIfPresent(@Nullable String text) {
		return (text != null) ? forMessage(text) : null;
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
