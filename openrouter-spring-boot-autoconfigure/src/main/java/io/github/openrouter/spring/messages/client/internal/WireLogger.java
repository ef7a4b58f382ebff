package io.github.openrouter.spring.messages.client.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Optional wire logging at DEBUG: method, URL, headers, status, duration and truncated bodies,
 * with the API key and credential headers redacted.
 */
final class WireLogger {

	/** Logger name for wire logging. */
	static final String LOGGER_NAME = "io.github.openrouter.spring.messages.wire";

	private static final String REDACTED = "[REDACTED]";

	private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "proxy-authorization",
			"cookie", "set-cookie");

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private final boolean enabled;

	private final int maxBodyChars;

	private final String apiKey;

	WireLogger(boolean enabled, int maxBodyChars, String apiKey) {
		this.enabled = enabled;
		this.maxBodyChars = maxBodyChars;
		this.apiKey = apiKey;
	}

	/**
	 * Tells whether bodies are logged, so that a caller copies one out only then.
	 * @return {@code true} when bodies are logged
	 */
	boolean active() {
		return this.enabled && logger.isDebugEnabled();
	}

	void request(HttpMethod method, URI uri, HttpHeaders headers, byte @Nullable [] body) {
		if (active()) {
			logger.debug("--> {} {} headers={} body={}", method, uri, redact(headers),
					(body != null) ? body(body) : "");
		}
	}

	void response(int status, long startedNanos) {
		if (active()) {
			logger.debug("<-- {} after {} ms", status, elapsedMillis(startedNanos));
		}
	}

	void errorResponse(int status, long startedNanos, byte[] body) {
		if (active()) {
			logger.debug("<-- {} after {} ms body={}", status, elapsedMillis(startedNanos), body(body));
		}
	}

	void responseBody(byte[] body) {
		if (active()) {
			logger.debug("<-- body={}", body(body));
		}
	}

	private static long elapsedMillis(long startedNanos) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
	}

	private String redact(HttpHeaders headers) {
		return headers.headerSet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + redact(entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
	}

	private String redact(String name, List<String> values) {
		if (SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
			return REDACTED;
		}
		return mask(String.join(",", values));
	}

	String body(byte[] body) {
		// Mask before truncating, so that a key crossing the cut point cannot leave a prefix behind.
		String text = mask(new String(body, StandardCharsets.UTF_8));
		if (text.length() > this.maxBodyChars) {
			text = text.substring(0, this.maxBodyChars) + "…(" + body.length + " bytes)";
		}
		return text;
	}

	private String mask(String text) {
		return (this.apiKey.isEmpty()) ? text : text.replace(this.apiKey, REDACTED);
	}

}
