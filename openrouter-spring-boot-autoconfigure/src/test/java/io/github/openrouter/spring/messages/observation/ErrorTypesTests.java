package io.github.openrouter.spring.messages.observation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.openrouter.spring.messages.error.internal.ErrorMapper;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorTypes}.
 */
class ErrorTypesTests {

	@Test
	void shouldUseTheApiErrorTypeOfAnErrorResponse() {
		String body = ObservationFixtures.text("fixtures/openrouter-spec/error-429.example.json");
		JsonNode error = ObservationFixtures.MAPPER.readTree(body).get("error");

		String errorType = ErrorTypes.of(ErrorMapper.map(429, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8)));

		assertThat(errorType).isEqualTo(error.get("type").asString());
	}

	@Test
	void shouldUseTheStatusWhenTheBodyHasNoErrorType() {
		assertThat(ErrorTypes.of(ErrorMapper.map(502, new HttpHeaders(), "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo("502");
	}

	@Test
	void shouldUseTheErrorTypeOfAStreamErrorEvent() {
		JsonNode event = ObservationFixtures.sseData(ObservationFixtures.MIDSTREAM_ERROR_STREAM)
			.stream()
			.filter((data) -> "error".equals(data.path("type").asString()))
			.findFirst()
			.orElseThrow();
		String type = event.at("/error/type").asString();

		assertThat(ErrorTypes.of(new OpenRouterStreamException(type, event.at("/error/error_type").asString(),
				event.at("/error/message").asString(), null, true)))
			.isEqualTo(type);
	}

	@Test
	void shouldCallEveryTimeoutATimeout() {
		for (OpenRouterTimeoutException.Kind kind : OpenRouterTimeoutException.Kind.values()) {
			assertThat(ErrorTypes.of(new OpenRouterTimeoutException(kind, Duration.ofSeconds(1), null)))
				.isEqualTo("timeout");
		}
	}

	@Test
	void shouldUseTheSimpleClassNameOfOtherFailures() {
		assertThat(ErrorTypes.of(new OpenRouterTransportException("Connection reset", null)))
			.isEqualTo("OpenRouterTransportException");
		assertThat(ErrorTypes.of(new IllegalStateException())).isEqualTo("IllegalStateException");
	}

}
