package io.github.openrouter.spring.messages.error.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorMapper}.
 */
class ErrorMapperTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

	/** C0 and C1 control characters, DEL and Unicode line and paragraph separators; not tab. */
	private static final Pattern CONTROL_EXCEPT_TAB = Pattern
		.compile("[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u2028\\u2029]");

	static Stream<ErrorCase> errorCases() {
		return Stream.of(
				fixture("openrouter-spec/error-400.example.json", 400).expect(BadRequestException.class,
						"invalid_request_error", null, "Invalid request: messages is required", null, null, false),
				fixture("openrouter-spec/schema-example.AnthropicMessagesErrorResponse.json", 400).expect(
						BadRequestException.class, "invalid_request_error", "invalid_request",
						"Invalid request: messages field is required", null, null, false),
				fixture("openrouter-spec/error-401.example.json", 401).expect(AuthenticationException.class,
						"authentication_error", null, "Invalid API key", null, null, false),
				fixture("openrouter-docs/anthropic-error-envelope.nonstreaming.json", 401).expect(
						AuthenticationException.class, "authentication_error", "authentication", "Invalid credentials",
						null, null, false),
				built(402, "billing_error", "payment_required", "Insufficient credits", "gen-402")
					.expect(PaymentRequiredException.class, "billing_error", "payment_required",
							"Insufficient credits", "gen-402", null, false),
				fixture("openrouter-spec/error-403-guardrail-blocked.example.json", 403).expect(
						PermissionDeniedException.class, "permission_error", null,
						"Request blocked: prompt injection patterns detected", null, null, false),
				fixture("openrouter-spec/error-403-insufficient-permissions.example.json", 403).expect(
						PermissionDeniedException.class, "permission_error", null,
						"Only management keys can perform this operation", null, null, false),
				fixture("openrouter-spec/error-404.example.json", 404).expect(NotFoundException.class,
						"not_found_error", null, "Model not found", "gen-xxxxxxxxxxxxxxxxxxxxxxxx", null, false),
				built(408, "timeout_error", "timeout", "Request timed out", null).expect(
						RequestTimeoutException.class, "timeout_error", "timeout", "Request timed out", null, null,
						true),
				built(409, "api_error", "precondition_failed", "Conflict", null)
					.expect(OpenRouterApiException.class, "api_error", "precondition_failed", "Conflict", null, null,
							true),
				built(413, "invalid_request_error", "payload_too_large", "Payload too large", null).expect(
						PayloadTooLargeException.class, "invalid_request_error", "payload_too_large",
						"Payload too large", null, null, false),
				built(422, "invalid_request_error", "unprocessable", "Unprocessable", null).expect(
						OpenRouterApiException.class, "invalid_request_error", "unprocessable", "Unprocessable", null,
						null, false),
				fixture("openrouter-spec/error-429.example.json", 429).header("Retry-After", "7")
					.expect(RateLimitException.class, "rate_limit_error", null, "Rate limit exceeded",
							"gen-xxxxxxxxxxxxxxxxxxxxxxxx", Duration.ofSeconds(7), true),
				fixture("openrouter-spec/error-429.example.json", 429)
					.header("Retry-After", "Thu, 26 Nov 2026 12:00:30 GMT")
					.expect(RateLimitException.class, "rate_limit_error", null, "Rate limit exceeded",
							"gen-xxxxxxxxxxxxxxxxxxxxxxxx", Duration.ofSeconds(30), true),
				fixture("openrouter-docs/availability-capacity_exhausted.chat-envelope.json", 429).expect(
						RateLimitException.class, null, "rate_limit_exceeded",
						"All providers for anthropic/claude-sonnet-4.5 are at capacity. Retry after 40 seconds.", null,
						Duration.ofSeconds(40), true),
				fixture("openrouter-spec/error-500.example.json", 500).expect(ServerException.class, "api_error",
						null, "Internal server error", "gen-xxxxxxxxxxxxxxxxxxxxxxxx", null, true),
				built(502, "api_error", "provider_unavailable", "Provider returned error", "gen-502").expect(
						ServerException.class, "api_error", "provider_unavailable", "Provider returned error",
						"gen-502", null, true),
				fixture("openrouter-spec/error-503.example.json", 503).header("Retry-After", "3")
					.expect(ServerException.class, "overloaded_error", null, "Service temporarily overloaded",
							"gen-xxxxxxxxxxxxxxxxxxxxxxxx", Duration.ofSeconds(3), true),
				built(504, "timeout_error", "timeout", "Provider timed out", "gen-504").expect(
						ServerException.class, "timeout_error", "timeout", "Provider timed out", "gen-504", null,
						true),
				fixture("openrouter-spec/error-529.example.json", 529).expect(ServerException.class,
						"overloaded_error", null, "Provider is temporarily overloaded",
						"gen-xxxxxxxxxxxxxxxxxxxxxxxx", null, true),
				new ErrorCase("availability says not retryable on 503", 503,
						"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"error_type\":\"provider_unavailable\","
								+ "\"message\":\"Region restricted\",\"availability\":{\"code\":\"region_restricted\","
								+ "\"retryable\":false,\"requested_models\":[\"a/b\"]}},\"request_id\":\"gen-1\"}",
						new HttpHeaders())
					.expect(ServerException.class, "overloaded_error", "provider_unavailable", "Region restricted",
							"gen-1", null, false),
				new ErrorCase("availability says retryable on 404", 404,
						"{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"error_type\":\"not_found\","
								+ "\"message\":\"Gone for now\",\"availability\":{\"code\":\"some_new_code\","
								+ "\"retryable\":true,\"retry_after\":2.5}},\"request_id\":null}",
						new HttpHeaders())
					.expect(NotFoundException.class, "not_found_error", "not_found", "Gone for now", null,
							Duration.ofMillis(2500), true),
				fixture("openrouter-docs/guardrail-403-with-openrouter_metadata.chat-envelope.json", 403).expect(
						PermissionDeniedException.class, null, null,
						"Request blocked: prompt injection patterns detected", null, null, false),
				new ErrorCase("generic OpenRouter shape", 502,
						"{\"error\":{\"code\":502,\"message\":\"Provider returned error\","
								+ "\"metadata\":{\"provider_name\":\"Example\",\"raw\":\"upstream said no\"}}}",
						new HttpHeaders())
					.expect(ServerException.class, null, null, "Provider returned error", null, null, true),
				new ErrorCase("HTML gateway page", 502,
						"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
								+ "<body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>\n",
						headers("Content-Type", "text/html"))
					.expect(ServerException.class, null, null, "Bad Gateway (non-JSON body: 502 Bad Gateway)", null,
							null, true),
				new ErrorCase("plain text with Retry-After", 503, "upstream connect error or disconnect/reset",
						headers("Retry-After", "12"))
					.expect(ServerException.class, null, null,
							"Service Unavailable (non-JSON body: upstream connect error or disconnect/reset)", null,
							Duration.ofSeconds(12), true),
				new ErrorCase("empty body", 529, "", new HttpHeaders()).expect(ServerException.class, null, null,
						"Overloaded (empty body)", null, null, true),
				new ErrorCase("JSON that is not an object", 400, "[1,2,3]", new HttpHeaders())
					.expect(BadRequestException.class, null, null, "Bad Request (non-JSON body: [1,2,3])", null, null,
							false),
				new ErrorCase("truncated JSON", 500, "{\"type\":\"error\",\"error\":{\"type\":\"api_",
						new HttpHeaders())
					.expect(ServerException.class, null, null,
							"Internal Server Error (non-JSON body: {\"type\":\"error\",\"error\":{\"type\":\"api_)", null,
							null, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errorCases")
	void shouldMapErrorAnswer(ErrorCase errorCase) {
		OpenRouterApiException ex = ErrorMapper.map(errorCase.status, errorCase.headers,
				errorCase.body.getBytes(StandardCharsets.UTF_8), CLOCK);
		assertThat(ex).isExactlyInstanceOf(errorCase.type);
		assertThat(ex.statusCode()).isEqualTo(errorCase.status);
		assertThat(ex.errorType()).isEqualTo(errorCase.errorType);
		assertThat(ex.openRouterErrorType()).isEqualTo(errorCase.openRouterErrorType);
		assertThat(ex.errorMessage()).isEqualTo(errorCase.message);
		assertThat(ex.requestId()).isEqualTo(errorCase.requestId);
		assertThat(ex.retryAfter()).isEqualTo(java.util.Optional.ofNullable(errorCase.retryAfter));
		assertThat(ex.rawBody()).isEqualTo(errorCase.body);
		assertThat(ex.isRetryable()).isEqualTo(errorCase.retryable);
		assertThat(ex.getMessage()).startsWith("HTTP " + errorCase.status + ": ").contains(errorCase.message);
		if (errorCase.errorType != null) {
			assertThat(ex.getMessage()).contains(errorCase.errorType);
		}
	}

	@Test
	void shouldKeepTopLevelOpenRouterMetadata() {
		OpenRouterApiException ex = map(403, "openrouter-spec/error-403-guardrail-blocked.example.json");
		assertThat(ex.openRouterMetadata()).isNotNull();
		assertThat(ex.openRouterMetadata().at("/pipeline/0/name").asString()).isEqualTo("regex_pi_detection");
	}

	@Test
	void shouldReadGenericEnvelopeMetadataAndOpenRouterMetadata() {
		OpenRouterApiException ex = map(403, "openrouter-docs/guardrail-403-with-openrouter_metadata.chat-envelope.json");
		assertThat(ex.metadata()).isNotNull();
		assertThat(ex.metadata().at("/patterns/0").asString()).isEqualTo("ignore all previous instructions");
		assertThat(ex.openRouterMetadata().at("/pipeline/0/guardrail_id").asString()).isEqualTo("grd_abc123");
	}

	@Test
	void shouldReadAvailability() {
		OpenRouterApiException ex = map(429, "openrouter-docs/availability-capacity_exhausted.chat-envelope.json");
		ErrorAvailability availability = ex.availability();
		assertThat(availability).isNotNull();
		assertThat(availability.code()).isEqualTo("capacity_exhausted");
		assertThat(availability.retryable()).isTrue();
		assertThat(availability.retryAfter()).isEqualTo(Duration.ofSeconds(40));
		assertThat(availability.requestedModels()).containsExactly("anthropic/claude-sonnet-4.5");
		assertThat(availability.affectedProviders()).containsExactly("anthropic", "amazon-bedrock", "google-vertex");
		assertThat(availability.fallbackModels()).containsExactly("anthropic/claude-haiku-4.5");
		assertThat(availability.docsUrl()).isEqualTo("https://openrouter.ai/docs/errors#capacity_exhausted");
		assertThat(ex.metadata().at("/previous_errors/1/provider").asString()).isEqualTo("amazon-bedrock");
	}

	@Test
	void retryAfterHeaderWinsOverAvailability() {
		OpenRouterApiException ex = ErrorMapper.map(429, headers("Retry-After", "5"),
				read("openrouter-docs/availability-capacity_exhausted.chat-envelope.json"), CLOCK);
		assertThat(ex.retryAfter()).contains(Duration.ofSeconds(5));
	}

	@Test
	void shouldPreferRetryAfterMillisecondsHeader() {
		HttpHeaders headers = headers("Retry-After", "5");
		headers.add("retry-after-ms", "1500");
		OpenRouterApiException ex = ErrorMapper.map(429, headers, read("openrouter-spec/error-429.example.json"), CLOCK);
		assertThat(ex.retryAfter()).contains(Duration.ofMillis(1500));
	}

	@Test
	void shouldSaturateRetryAfterMillisecondsBeyondLongRange() {
		OpenRouterApiException ex = ErrorMapper.map(429, headers("retry-after-ms", "18446744073709551616"),
				read("openrouter-spec/error-429.example.json"), CLOCK);
		assertThat(ex.retryAfter()).contains(Duration.ofMillis(Long.MAX_VALUE));
	}

	@Test
	void shouldHonourShouldRetryHeaderWithoutAvailability() {
		OpenRouterApiException ex = ErrorMapper.map(500, headers("x-should-retry", "false"),
				read("openrouter-spec/error-500.example.json"), CLOCK);
		assertThat(ex.isRetryable()).isFalse();
	}

	@Test
	void shouldParseRetryAfterForms() {
		assertThat(ErrorMapper.parseRetryAfter("0", CLOCK)).isEqualTo(Duration.ZERO);
		assertThat(ErrorMapper.parseRetryAfter(" 1.5 ", CLOCK)).isEqualTo(Duration.ofMillis(1500));
		assertThat(ErrorMapper.parseRetryAfter("Thu, 26 Nov 2026 11:59:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
		assertThat(ErrorMapper.parseRetryAfter("-3", CLOCK)).isNull();
		// beyond Long.MAX_VALUE ms: saturated (longer than any cap), never wrapped around to a short delay
		assertThat(ErrorMapper.parseRetryAfter("1e64", CLOCK)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
		assertThat(ErrorMapper.parseRetryAfter("18446744073709552", CLOCK)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
		assertThat(ErrorMapper.parseRetryAfter("soon", CLOCK)).isNull();
		assertThat(ErrorMapper.parseRetryAfter(null, CLOCK)).isNull();
	}

	@Test
	void shouldExposeReadOnlyHeadersWithoutAuthorization() {
		HttpHeaders headers = headers("Retry-After", "1");
		headers.add("Authorization", "Bearer sk-or-v1-0123456789abcdef");
		OpenRouterApiException ex = ErrorMapper.map(429, headers, read("openrouter-spec/error-429.example.json"), CLOCK);
		assertThat(ex.headers().getFirst("Retry-After")).isEqualTo("1");
		assertThat(ex.headers().containsHeader("Authorization")).isFalse();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> ex.headers().add("X-Other", "v"))
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void shouldMaskKeyLikeStringsInMessageBodyAndToString() {
		String key = "sk-or-v1-fake-0123456789abcdef0123456789abcdef";
		String body = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"Invalid API key "
				+ key + " (Authorization: Bearer " + key + ")\"},\"request_id\":null}";
		OpenRouterApiException ex = ErrorMapper.map(401, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8),
				CLOCK);
		assertThat(ex.getMessage()).doesNotContain(key).contains("[REDACTED]");
		assertThat(ex.toString()).doesNotContain(key);
		assertThat(ex.errorMessage()).doesNotContain(key);
		assertThat(ex.rawBody()).doesNotContain(key);
		assertThat(ex.details().toString()).doesNotContain(key);
	}

	@Test
	void shouldReplaceControlCharactersOfTheServerInExceptionMessages() {
		String body = "{\"type\":\"error\",\"error\":{\"type\":\"api_error\\r\\nforged\",\"error_type\":\"x\\u0085y\","
				+ "\"message\":\"Bad\\r\\n2026-12-07 INFO forged\\u001b[31m\\u0000\\u009b\\u2028end\\tok\"},"
				+ "\"request_id\":\"req\\nforged\"}";
		OpenRouterApiException ex = ErrorMapper.map(500, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8),
				CLOCK);
		assertThat(ex.getMessage()).doesNotContainPattern(CONTROL_EXCEPT_TAB)
			.contains("Bad 2026-12-07 INFO forged")
			.contains("end\tok")
			.contains("api_error forged");
		assertThat(ex.errorMessage()).doesNotContainPattern(CONTROL_EXCEPT_TAB);
		assertThat(ex.errorType()).isEqualTo("api_error forged");
		assertThat(ex.openRouterErrorType()).isEqualTo("x y");
		assertThat(ex.requestId()).isEqualTo("req forged");
		assertThat(ex.details().toString()).doesNotContainPattern(CONTROL_EXCEPT_TAB);
		assertThat(ex.rawBody()).isEqualTo(body);
	}

	@Test
	void shouldReplaceControlCharactersOfANonJsonBodyButKeepTheRawBody() {
		String body = "gateway\r\nerror\u001b[2J\u0007 page";
		OpenRouterApiException ex = ErrorMapper.map(502, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8),
				CLOCK);
		assertThat(ex.getMessage()).doesNotContainPattern(CONTROL_EXCEPT_TAB).contains("gateway error");
		assertThat(ex.rawBody()).isEqualTo(body);
	}

	@Test
	void shouldNeverFailOnNullBody() {
		OpenRouterApiException ex = ErrorMapper.map(503, new HttpHeaders(), null, CLOCK);
		assertThat(ex).isInstanceOf(ServerException.class);
		assertThat(ex.rawBody()).isEmpty();
		assertThat(ex.errorMessage()).isEqualTo("Service Unavailable (empty body)");
	}

	@Test
	void shouldSummarizeLongHtmlWithoutTitle() {
		String body = "<html><body>" + "x".repeat(1000) + "</body></html>";
		OpenRouterApiException ex = ErrorMapper.map(502, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8),
				CLOCK);
		assertThat(ex.errorMessage()).hasSizeLessThan(400).endsWith("…)");
		assertThat(ex.rawBody()).isEqualTo(body);
	}

	private static OpenRouterApiException map(int status, String fixture) {
		return ErrorMapper.map(status, new HttpHeaders(), read(fixture), CLOCK);
	}

	private static byte[] read(String fixture) {
		try (InputStream in = ErrorMapperTests.class.getClassLoader().getResourceAsStream("fixtures/" + fixture)) {
			assertThat(in).as(fixture).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static HttpHeaders headers(String name, String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(name, value);
		return headers;
	}

	private static ErrorCase fixture(String fixture, int status) {
		return new ErrorCase(fixture + " as " + status, status, new String(read(fixture), StandardCharsets.UTF_8),
				new HttpHeaders());
	}

	private static ErrorCase built(int status, String type, String errorType, String message,
			@Nullable String requestId) {
		String body = "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
				+ "\",\"error_type\":\"" + errorType + "\"},\"request_id\":"
				+ ((requestId != null) ? "\"" + requestId + "\"" : "null") + "}";
		return new ErrorCase("documented envelope " + status + " " + errorType, status, body, new HttpHeaders());
	}

	static final class ErrorCase {

		final String name;

		final int status;

		final String body;

		final HttpHeaders headers;

		Class<? extends OpenRouterApiException> type = OpenRouterApiException.class;

		@Nullable String errorType;

		@Nullable String openRouterErrorType;

		String message = "";

		@Nullable String requestId;

		@Nullable Duration retryAfter;

		boolean retryable;

		ErrorCase(String name, int status, String body, HttpHeaders headers) {
			this.name = name;
			this.status = status;
			this.body = body;
			this.headers = headers;
		}

		ErrorCase header(String name, String value) {
			this.headers.add(name, value);
			return this;
		}

		ErrorCase expect(Class<? extends OpenRouterApiException> type, @Nullable String errorType,
				@Nullable String openRouterErrorType, String message, @Nullable String requestId,
				@Nullable Duration retryAfter, boolean retryable) {
			this.type = type;
			this.errorType = errorType;
			this.openRouterErrorType = openRouterErrorType;
			this.message = message;
			this.requestId = requestId;
			this.retryAfter = retryAfter;
			this.retryable = retryable;
			return this;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
