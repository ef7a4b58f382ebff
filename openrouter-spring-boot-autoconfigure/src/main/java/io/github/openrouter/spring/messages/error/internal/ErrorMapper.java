package io.github.openrouter.spring.messages.error.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.openrouter.spring.messages.error.ApiErrorDetails;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.error.BadRequestException;
import io.github.openrouter.spring.messages.error.ErrorAvailability;
import io.github.openrouter.spring.messages.error.NotFoundException;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.PayloadTooLargeException;
import io.github.openrouter.spring.messages.error.PaymentRequiredException;
import io.github.openrouter.spring.messages.error.PermissionDeniedException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.error.RequestTimeoutException;
import io.github.openrouter.spring.messages.error.ServerException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a non-2xx answer (status, headers, body) into the matching {@link OpenRouterApiException}.
 *
 * <p>
 * Reads the Anthropic envelope of {@code /messages} ({@code error.type}, {@code error.error_type},
 * {@code request_id}, {@code openrouter_metadata}, {@code error.availability}), OpenRouter's
 * generic {@code {"error":{"code":…,"message":…}}} envelope and bodies that are not JSON at all
 * (such as a gateway's HTML page). Never fails: whatever the body, an exception comes back.
 *
 * @since 0.1.0
 */
public final class ErrorMapper {

	private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(Long.MAX_VALUE);

	/** Header OpenRouter (and Anthropic) use to ask for a delay, in seconds or as an HTTP date. */
	public static final String RETRY_AFTER = "Retry-After";

	private static final String RETRY_AFTER_MS = "retry-after-ms";

	private static final String SHOULD_RETRY = "x-should-retry";

	private static final int MAX_SUMMARY_CHARS = 300;

	private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

	private static final Pattern HTML_TAG = Pattern.compile("(?s)<[^>]*>");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ErrorMapper() {
	}

	/**
	 * Maps an error answer, reading an HTTP-date {@code Retry-After} against the system clock.
	 * @param status the HTTP status code
	 * @param headers the response headers
	 * @param body the response body; may be empty
	 * @return the exception to throw
	 */
	public static OpenRouterApiException map(int status, HttpHeaders headers, byte @Nullable [] body) {
		return map(status, headers, body, Clock.systemUTC());
	}

	/**
	 * Maps an error answer.
	 * @param status the HTTP status code
	 * @param headers the response headers
	 * @param body the response body; may be empty
	 * @param clock the clock an HTTP-date {@code Retry-After} is measured against
	 * @return the exception to throw
	 */
	public static OpenRouterApiException map(int status, HttpHeaders headers, byte @Nullable [] body, Clock clock) {
		String text = (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		JsonNode root = parseObject(text);
		ApiErrorDetails details = (root != null) ? fromJson(status, headers, text, root, clock)
				: fromText(status, headers, text, clock);
		return create(details);
	}

	/**
	 * Returns whether a status is worth retrying when the body gives no verdict: 408, 409, 429 and
	 * every 5xx (including 529).
	 * @param status the HTTP status code
	 * @return {@code true} for transient statuses
	 */
	public static boolean isRetryableStatus(int status) {
		return status == 408 || status == 409 || status == 429 || status >= 500;
	}

	/**
	 * Reads a {@code Retry-After} value: delay seconds (fractions allowed) or an HTTP date.
	 * @param value the header value, or {@code null}
	 * @param clock the clock an HTTP date is measured against
	 * @return the delay (never negative), or {@code null} if absent or unreadable
	 */
	public static @Nullable Duration parseRetryAfter(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		try {
			BigDecimal seconds = new BigDecimal(trimmed);
			if (seconds.signum() < 0) {
				return null;
			}
			return millis(seconds.movePointRight(3));
		}
		catch (NumberFormatException | ArithmeticException ex) {
			// not a number: try an HTTP date
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration delay = Duration.between(clock.instant(), at);
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Converts a non-negative number of milliseconds, saturating at {@code Long.MAX_VALUE} ms
	 * (longer than any cap) instead of wrapping around as {@code longValue()} would.
	 */
	private static Duration millis(BigDecimal millis) {
		return (millis.compareTo(MAX_MILLIS) >= 0) ? Duration.ofMillis(Long.MAX_VALUE)
				: Duration.ofMillis(millis.longValue());
	}

	private static @Nullable JsonNode parseObject(String text) {
		String trimmed = text.strip();
		if (!trimmed.startsWith("{")) {
			return null;
		}
		try {
			JsonNode node = MAPPER.readTree(trimmed);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static ApiErrorDetails fromJson(int status, HttpHeaders headers, String text, JsonNode root, Clock clock) {
		JsonNode error = root.path("error");
		String errorType = null;
		String openRouterErrorType = null;
		String message = null;
		if (error.isObject()) {
			errorType = string(error, "type");
			openRouterErrorType = string(error, "error_type");
			message = string(error, "message");
		}
		else if (error.isString()) {
			message = error.asString();
		}
		if (message == null) {
			message = string(root, "message");
		}
		if (message == null) {
			message = reason(status);
		}
		String requestId = string(root, "request_id");
		if (requestId == null && error.isObject()) {
			requestId = string(error, "request_id");
		}
		JsonNode openRouterMetadata = object(root, "openrouter_metadata");
		if (openRouterMetadata == null && error.isObject()) {
			openRouterMetadata = object(error, "openrouter_metadata");
		}
		JsonNode metadata = error.isObject() ? object(error, "metadata") : null;
		if (metadata == null) {
			metadata = object(root, "metadata");
		}
		JsonNode availabilityNode = error.isObject() ? object(error, "availability") : null;
		if (availabilityNode == null) {
			availabilityNode = object(root, "availability");
		}
		ErrorAvailability availability = (availabilityNode != null) ? availability(availabilityNode) : null;
		Duration retryAfter = retryAfter(headers, clock);
		if (retryAfter == null && availability != null) {
			retryAfter = availability.retryAfter();
		}
		boolean retryable = retryable(status, headers, availability);
		return new ApiErrorDetails(status, errorType, openRouterErrorType, message, requestId, retryAfter, text,
				headers, openRouterMetadata, metadata, availability, retryable);
	}

	private static ApiErrorDetails fromText(int status, HttpHeaders headers, String text, Clock clock) {
		String summary = summarize(text);
		String message = summary.isEmpty() ? reason(status) + " (empty body)"
				: reason(status) + " (non-JSON body: " + summary + ")";
		return new ApiErrorDetails(status, null, null, message, null, retryAfter(headers, clock), text, headers, null,
				null, null, retryable(status, headers, null));
	}

	private static String summarize(String text) {
		Matcher title = HTML_TITLE.matcher(text);
		String summary = title.find() ? title.group(1) : HTML_TAG.matcher(text).replaceAll(" ");
		summary = WHITESPACE.matcher(summary).replaceAll(" ").strip();
		return (summary.length() > MAX_SUMMARY_CHARS) ? summary.substring(0, MAX_SUMMARY_CHARS) + "…" : summary;
	}

	private static String reason(int status) {
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved != null) {
			return resolved.getReasonPhrase();
		}
		return (status == 529) ? "Overloaded" : "HTTP status " + status;
	}

	private static ErrorAvailability availability(JsonNode node) {
		JsonNode retryableNode = node.get("retryable");
		Boolean retryable = (retryableNode != null && retryableNode.isBoolean()) ? retryableNode.booleanValue()
				: null;
		JsonNode retryAfterNode = node.get("retry_after");
		Duration retryAfter = null;
		if (retryAfterNode != null && retryAfterNode.isNumber() && retryAfterNode.doubleValue() >= 0) {
			retryAfter = Duration.ofMillis(Math.round(retryAfterNode.doubleValue() * 1000));
		}
		else if (retryAfterNode != null && retryAfterNode.isString()) {
			retryAfter = parseRetryAfter(retryAfterNode.asString(), Clock.systemUTC());
		}
		return new ErrorAvailability(string(node, "code"), retryable, retryAfter, strings(node, "requested_models"),
				strings(node, "affected_providers"), strings(node, "fallback_models"), string(node, "docs_url"),
				node);
	}

	private static @Nullable Duration retryAfter(HttpHeaders headers, Clock clock) {
		String millis = headers.getFirst(RETRY_AFTER_MS);
		if (millis != null) {
			try {
				BigDecimal value = new BigDecimal(millis.trim());
				if (value.signum() >= 0) {
					return millis(value);
				}
			}
			catch (NumberFormatException | ArithmeticException ex) {
				// fall back to Retry-After
			}
		}
		return parseRetryAfter(headers.getFirst(RETRY_AFTER), clock);
	}

	private static boolean retryable(int status, HttpHeaders headers, @Nullable ErrorAvailability availability) {
		if (availability != null && availability.retryable() != null) {
			return availability.retryable();
		}
		String shouldRetry = headers.getFirst(SHOULD_RETRY);
		if (shouldRetry != null) {
			String value = shouldRetry.trim().toLowerCase(Locale.ROOT);
			if (value.equals("true") || value.equals("false")) {
				return value.equals("true");
			}
		}
		return isRetryableStatus(status);
	}

	private static OpenRouterApiException create(ApiErrorDetails details) {
		int status = details.statusCode();
		switch (status) {
			case 400:
				return new BadRequestException(details);
			case 401:
				return new AuthenticationException(details);
			case 402:
				return new PaymentRequiredException(details);
			case 403:
				return new PermissionDeniedException(details);
			case 404:
				return new NotFoundException(details);
			case 408:
				return new RequestTimeoutException(details);
			case 413:
				return new PayloadTooLargeException(details);
			case 429:
				return new RateLimitException(details);
			default:
				return (status >= 500 && status <= 599) ? new ServerException(details)
						: new OpenRouterApiException(details);
		}
	}

	private static @Nullable String string(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private static @Nullable JsonNode object(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isObject()) ? value : null;
	}

	private static List<String> strings(JsonNode node, String name) {
		JsonNode value = node.get(name);
		List<String> result = new ArrayList<>();
		if (value != null && value.isArray()) {
			for (JsonNode element : value) {
				if (element.isValueNode() && !element.isNull()) {
					result.add(element.asString());
				}
			}
		}
		return result;
	}

}
