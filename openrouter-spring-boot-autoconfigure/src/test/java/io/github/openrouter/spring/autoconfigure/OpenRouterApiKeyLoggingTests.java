package io.github.openrouter.spring.autoconfigure;

import java.io.IOException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that {@link OpenRouterAutoConfiguration} and the client it builds never log the API
 * key, with every logger at {@code TRACE}.
 *
 * @author OpenRouter Spring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenRouterApiKeyLoggingTests {

	private static final String API_KEY = "sk-or-v1-logging-test-9f8e7d6c5b4a";

	private static final String KEY_TAIL = "9f8e7d6c5b4a";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void shouldNotLogApiKeyAtAnyLevelDuringStartupAndCalls(CapturedOutput output) throws IOException {
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(OpenRouterAutoConfigurationTests.fixture("fixtures/openrouter-spec/response-200.example.json"))));
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).atPriority(1)
			.withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withBody(OpenRouterAutoConfigurationTests.fixture("fixtures/anthropic-sdk-python/basic_response.sse"))));
		wireMock.stubFor(post(urlEqualTo("/api/v1/unauthorized/messages")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(OpenRouterAutoConfigurationTests.fixture("fixtures/openrouter-spec/error-401.example.json"))));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingTestApplication.class)
			.web(WebApplicationType.NONE)
			.run("--openrouter.api-key=" + API_KEY, "--openrouter.base-url=" + wireMock.baseUrl() + "/api/v1",
					"--openrouter.wire-logging.enabled=true", "--openrouter.retry.max-attempts=1",
					"--logging.level.root=TRACE", "--logging.level.io.github.openrouter=TRACE")) {
			MessagesClient client = context.getBean(MessagesClient.class);
			assertThat(client.create(request()).id()).isEqualTo("msg_abc123");
			try (MessageStream stream = client.stream(request())) {
				assertThat(stream.finalMessage().text()).isEqualTo("Hello there!");
			}
			assertThat(client.reactive().streamText(request()).collectList().block()).containsExactly("Hello", " there",
					"!");
			MessagesClient unauthorized = MessagesClient.builder()
				.baseUrl(wireMock.baseUrl() + "/api/v1/unauthorized")
				.apiKey(API_KEY)
				.wireLogging(true, 4096)
				.build();
			assertThat(catchThrowable(() -> unauthorized.create(request()))).hasMessageContaining("Invalid API key");
		}
		wireMock.verify(3, postRequestedFor(urlEqualTo("/api/v1/messages")));
		assertThat(output).as("TRACE logging was on").contains("TRACE");
		assertThat(output).as("client logged the call").contains("/api/v1/messages");
		assertThat(output).doesNotContain(API_KEY).doesNotContain(KEY_TAIL);
	}

	private static MessageRequest request() {
		return MessageRequest.builder()
			.model("anthropic/claude-sonnet-4")
			.maxTokens(64)
			.addUserMessage("Hello")
			.build();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class LoggingTestApplication {

	}

}
