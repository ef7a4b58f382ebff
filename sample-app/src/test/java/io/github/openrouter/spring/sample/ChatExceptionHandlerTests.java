package io.github.openrouter.spring.sample;

import java.util.List;

import io.github.openrouter.spring.test.OpenRouterStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ChatExceptionHandler} and the error event of {@link ChatController#stream}: the app
 * configured with a key the server rejects.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.demo-mode=never")
class ChatExceptionHandlerTests {

	private static final String WRONG_KEY = "sk-or-v1-0123456789abcdef-not-accepted";

	private static final OpenRouterStub stub = OpenRouterStub.start();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void pointAtStub(DynamicPropertyRegistry registry) {
		registry.add("openrouter.base-url", stub::baseUrl);
		registry.add("openrouter.api-key", () -> WRONG_KEY);
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Test
	void shouldAnswerBadGatewayWithTheTypedErrorWhenOpenRouterRejectsTheKey() {
		SampleAppHttp http = new SampleAppHttp(this.port);

		assertThatExceptionOfType(WebClientResponseException.class).isThrownBy(() -> http.chat("Hello"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
				String body = ex.getResponseBodyAsString();
				assertThat(body).doesNotContain(WRONG_KEY);
				JsonNode error = http.json(body);
				assertThat(error.path("error").asString()).isEqualTo("AuthenticationException");
				assertThat(error.path("status").asInt()).isEqualTo(401);
				assertThat(error.path("retryable").asBoolean(true)).isFalse();
			});
		assertThat(stub.lastRequest().status()).isEqualTo(401);
		assertThat(stub.lastRequest().response()).isNull();
	}

	@Test
	void shouldEndTheStreamWithAnErrorEventWhenOpenRouterRejectsTheKey() {
		SampleAppHttp http = new SampleAppHttp(this.port);

		List<ServerSentEvent<String>> events = http.stream("Hello");

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data()).doesNotContain(WRONG_KEY);
			JsonNode error = http.json(event.data());
			assertThat(error.path("error").asString()).isEqualTo("AuthenticationException");
			assertThat(error.path("status").asInt()).isEqualTo(401);
		});
		assertThat(stub.lastRequest().status()).isEqualTo(401);
		assertThat(stub.lastRequest().response()).isNull();
	}

}
