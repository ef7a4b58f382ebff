package io.github.openrouter.spring.messages.error;

import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterException} and its non-HTTP subclasses.
 */
class OpenRouterExceptionTests {

	@Test
	void timeoutShouldNameKindAndLimit() {
		OpenRouterTimeoutException ex = new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.FIRST_BYTE,
				Duration.ofSeconds(2), null);
		assertThat(ex.kind()).isEqualTo(OpenRouterTimeoutException.Kind.FIRST_BYTE);
		assertThat(ex.timeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(ex.getMessage()).isEqualTo("Waiting for the first response byte timed out after 2000 ms");
		assertThat(ex).isInstanceOf(OpenRouterTransportException.class);
	}

	@Test
	void onlyConnectAndFirstByteTimeoutsAreRetryable() {
		assertThat(new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.CONNECT, null, null).isRetryable())
			.isTrue();
		assertThat(
				new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.FIRST_BYTE, null, null).isRetryable())
			.isTrue();
		assertThat(
				new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.STREAM_IDLE, null, null).isRetryable())
			.isFalse();
		assertThat(new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.TOTAL, null, null).isRetryable())
			.isFalse();
	}

	@Test
	void transportShouldKeepCauseAndDefaultToRetryable() {
		ConnectException cause = new ConnectException("Connection refused");
		OpenRouterTransportException ex = new OpenRouterTransportException("Connection refused", cause);
		assertThat(ex.getCause()).isSameAs(cause);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(new OpenRouterTransportException("reset", cause, false).isRetryable()).isFalse();
	}

	@Test
	void streamErrorIsRetryableOnlyBeforeContent() {
		assertThat(new OpenRouterStreamException("overloaded_error", "provider_overloaded", "busy", null, false)
			.isRetryable()).isTrue();
		assertThat(new OpenRouterStreamException("overloaded_error", "provider_overloaded", "busy", null, true)
			.isRetryable()).isFalse();
		assertThat(new OpenRouterStreamException("invalid_request_error", "invalid_request", "bad", null, false)
			.isRetryable()).isFalse();
	}

	@Test
	void streamErrorMessageNamesTypes() {
		OpenRouterStreamException ex = new OpenRouterStreamException("overloaded_error", "provider_overloaded",
				"Provider is temporarily overloaded", null, true);
		assertThat(ex.getMessage())
			.isEqualTo("Stream error: overloaded_error (provider_overloaded): Provider is temporarily overloaded");
		assertThat(ex.errorType()).isEqualTo("overloaded_error");
		assertThat(ex.openRouterErrorType()).isEqualTo("provider_overloaded");
		assertThat(ex.errorMessage()).isEqualTo("Provider is temporarily overloaded");
		assertThat(ex.partialMessage()).isNull();
	}

	@Test
	void incompleteStreamIsRetryableOnlyWithoutPartialMessage() {
		IncompleteStreamException ex = new IncompleteStreamException("Stream ended before message_stop", null);
		assertThat(ex).isInstanceOf(OpenRouterDecodingException.class);
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void validationShouldExposeFieldAndLimit() {
		RequestValidationException ex = new RequestValidationException("fallbacks", "at most 3 entries",
				"fallbacks has 4 entries; the limit is at most 3 entries");
		assertThat(ex.field()).isEqualTo("fallbacks");
		assertThat(ex.limit()).isEqualTo("at most 3 entries");
		assertThat(ex.getMessage()).contains("fallbacks").contains("at most 3 entries");
		assertThat(ex.isRetryable()).isFalse();
	}

	@Test
	void messagesShouldNeverCarryKeys() {
		String key = "sk-or-v1-fake-abcdefabcdefabcdefabcdef";
		OpenRouterException ex = new OpenRouterTransportException("failed with header Authorization: Bearer " + key,
				null);
		assertThat(ex.getMessage()).doesNotContain(key).contains("[REDACTED]");
		assertThat(ex.toString()).doesNotContain(key);
		assertThat(new OpenRouterDecodingException("bad " + key, null).getMessage()).doesNotContain(key);
	}

}
