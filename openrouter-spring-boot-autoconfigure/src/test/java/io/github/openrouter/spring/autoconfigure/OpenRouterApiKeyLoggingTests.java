package io.github.openrouter.spring.autoconfigure;

import java.io.IOException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.account.AccountClient;
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
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests that {@link OpenRouterAutoConfiguration} and the clients it builds never log the API
 * key or the management key, with every logger at {@code TRACE}.
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

	@Test
	void shouldNotLogTheManagementKeyAtAnyLevelDuringAccountCalls(CapturedOutput output) {
		// a key in no known format, echoed by the server: only the transport's redaction can hide it
		String managementKey = "opaque-management-logging-key-5e4d3c2b1a";
		wireMock.stubFor(get(urlEqualTo("/api/v1/key"))
			.willReturn(okJson(AccountAnswers.key("logged", "10", "9", "1", null))));
		wireMock.stubFor(get(urlEqualTo("/api/v1/credits")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":403,\"message\":\"Not a management key: " + managementKey + "\"}}")));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingTestApplication.class)
			.web(WebApplicationType.NONE)
			.run("--openrouter.api-key=" + API_KEY, "--openrouter.base-url=" + wireMock.baseUrl() + "/api/v1",
					"--openrouter.account.management-key=" + managementKey, "--openrouter.wire-logging.enabled=true",
					"--openrouter.retry.max-attempts=1", "--logging.level.root=TRACE",
					"--logging.level.io.github.openrouter=TRACE")) {
			AccountClient account = context.getBean(AccountClient.class);
			assertThat(account.key().label()).isEqualTo("logged");
			assertThat(catchThrowable(account::credits)).hasMessageContaining("Not a management key")
				.hasMessageNotContaining(managementKey);
		}
		assertThat(output).as("client logged the calls").contains("/api/v1/key").contains("/api/v1/credits");
		assertThat(output).as("the refresh logged the failed read").contains("Could not read the OpenRouter credits");
		assertThat(output).contains("Not a management key")
			.doesNotContain(managementKey)
			.doesNotContain("5e4d3c2b1a")
			.doesNotContain(API_KEY)
			.doesNotContain(KEY_TAIL);
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
