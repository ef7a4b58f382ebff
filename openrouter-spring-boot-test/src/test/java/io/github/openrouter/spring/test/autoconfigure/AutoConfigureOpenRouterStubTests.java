package io.github.openrouter.spring.test.autoconfigure;

import io.github.openrouter.spring.autoconfigure.OpenRouterConnectionDetails;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.StubAnswer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureOpenRouterStub}: a {@code @SpringBootTest} without an API key
 * whose auto-configured client talks to the stub.
 */
@SpringBootTest(properties = "openrouter.default-model=anthropic/claude-haiku-4.5")
@AutoConfigureOpenRouterStub
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureOpenRouterStubTests {

	@Autowired
	private OpenRouterStub stub;

	@Autowired
	private MessagesClient client;

	@Autowired
	private OpenRouterConnectionDetails connectionDetails;

	@Test
	@Order(1)
	void shouldPointTheAutoConfiguredClientAtTheStub() {
		this.stub.enqueue(StubAnswer.text("Paris"));

		String answer = this.client.create(MessageRequest.builder().maxTokens(64).addUserMessage("Capital?").build())
			.text();

		assertThat(answer).isEqualTo("Paris");
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo(this.stub.baseUrl());
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(this.stub.apiKey());
		assertThat(this.connectionDetails.toString()).doesNotContain(this.stub.apiKey());
		assertThat(this.stub.lastRequest().request().model()).isEqualTo("anthropic/claude-haiku-4.5");
	}

	@Test
	@Order(2)
	void shouldResetTheStubAfterEachTest() {
		assertThat(this.stub.requests()).isEmpty();
		assertThat(this.client.create(MessageRequest.builder().maxTokens(64).addUserMessage("Capital?").build())
			.text()).isEqualTo(OpenRouterStub.DEFAULT_TEXT);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
