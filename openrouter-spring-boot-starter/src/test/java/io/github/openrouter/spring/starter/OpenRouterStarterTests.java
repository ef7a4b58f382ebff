package io.github.openrouter.spring.starter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.Role;
import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.OpenRouterStubExtension;
import io.github.openrouter.spring.test.RecordedRequest;
import io.github.openrouter.spring.test.StubAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the starter: an application that depends on it alone and sets only the key gets a
 * working {@link MessagesClient}.
 *
 * @author OpenRouter Spring contributors
 */
@ExtendWith({ OutputCaptureExtension.class, OpenRouterStubExtension.class })
class OpenRouterStarterTests {

	@Test
	void shouldAutoConfigureWorkingClientFromKeyAlone(OpenRouterStub stub) throws IOException {
		stub.enqueue(StubAnswer.message(JsonMapper.shared()
			.readValue(new ClassPathResource("fixtures/openrouter-spec/response-200.example.json")
				.getContentAsString(StandardCharsets.UTF_8), MessageResponse.class)));
		try (ConfigurableApplicationContext context = run("--openrouter.api-key=" + stub.apiKey(),
				"--openrouter.base-url=" + stub.baseUrl())) {
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
		RecordedRequest sent = stub.lastRequest();
		assertThat(sent.headers().getFirst("Authorization")).isEqualTo("Bearer " + stub.apiKey());
		assertThat(sent.request().model()).isEqualTo("anthropic/claude-sonnet-4");
		assertThat(sent.request().messages().get(0).role()).isEqualTo(Role.USER);
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
