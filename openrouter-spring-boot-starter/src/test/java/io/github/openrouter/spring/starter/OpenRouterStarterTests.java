package io.github.openrouter.spring.starter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the starter: an application that depends on it alone and sets only the key gets a
 * working {@link MessagesClient}.
 *
 * @author OpenRouter Spring contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenRouterStarterTests {

	private static final String API_KEY = "sk-or-v1-starter-test-0123456789";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void shouldAutoConfigureWorkingClientFromKeyAlone() throws IOException {
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(new ClassPathResource("fixtures/openrouter-spec/response-200.example.json")
				.getContentAsString(StandardCharsets.UTF_8))));
		try (ConfigurableApplicationContext context = run("--openrouter.api-key=" + API_KEY,
				"--openrouter.base-url=" + wireMock.baseUrl() + "/api/v1")) {
			MessagesClient client = context.getBean(MessagesClient.class);
			assertThat(client.reactive()).isSameAs(context.getBean(ReactiveMessagesClient.class));
			MessageResponse response = client.create(MessageRequest.builder()
				.model("anthropic/claude-sonnet-4")
				.maxTokens(64)
				.addUserMessage("How are you?")
				.build());
			assertThat(response.id()).isEqualTo("msg_abc123");
			assertThat(response.text()).isEqualTo("I'm doing well, thank you for asking! How can I help you today?");
		}
		wireMock.verify(postRequestedFor(urlEqualTo("/api/v1/messages"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withRequestBody(matchingJsonPath("$.model", equalTo("anthropic/claude-sonnet-4")))
			.withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user"))));
	}

	@Test
	void shouldFailStartupWithFailureAnalysisWhenKeyIsMissing(CapturedOutput output) {
		// An empty argument hides an OPENROUTER_API_KEY that the build's environment may define.
		assertThatException().isThrownBy(() -> run("--OPENROUTER_API_KEY="));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No OpenRouter API key found in the 'openrouter.api-key' property "
					+ "or the 'OPENROUTER_API_KEY' environment variable.")
			.contains("Set the 'openrouter.api-key' property or the 'OPENROUTER_API_KEY' environment variable");
	}

	@Test
	void shouldFailStartupWithFailureAnalysisWhenKeyIsMalformed(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run("--openrouter.api-key=sk-or-v1-abc def-secret"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The OpenRouter API key from the 'openrouter.api-key' property contains whitespace")
			.doesNotContain("def-secret");
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(StarterTestApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(args);
	}

	@SpringBootApplication(proxyBeanMethods = false)
	static class StarterTestApplication {

	}

}
