package io.github.openrouter.spring.test;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenRouterStubExtension}: a plain JUnit test that uses the stub.
 */
@ExtendWith(OpenRouterStubExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenRouterStubExtensionTests {

	private static OpenRouterStub classStub;

	private static MessagesClient client;

	@BeforeAll
	static void createClient(OpenRouterStub stub) {
		classStub = stub;
		client = MessagesClient.builder()
			.baseUrl(stub.baseUrl())
			.apiKey(stub.apiKey())
			.defaultModel("openai/gpt-4.1-mini")
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	@AfterAll
	static void stubIsStillRunningUntilTheClassEnds(OpenRouterStub stub) {
		assertThat(stub).isSameAs(classStub);
		assertThat(client.create(request()).text()).isEqualTo(OpenRouterStub.DEFAULT_TEXT);
	}

	@Test
	@Order(1)
	void shouldInjectTheStubOfTheClass(OpenRouterStub stub) {
		assertThat(stub).isSameAs(classStub);
		stub.defaultAnswer(StubAnswer.text("scripted in the first test"));

		assertThat(client.create(request()).text()).isEqualTo("scripted in the first test");
		assertThat(stub.requests()).singleElement()
			.satisfies((recorded) -> assertThat(recorded.request().model()).isEqualTo("openai/gpt-4.1-mini"));
	}

	@Test
	@Order(2)
	void shouldResetTheStubAfterEachTest(OpenRouterStub stub) {
		assertThat(stub.requests()).isEmpty();
		assertThat(client.create(request()).text()).isEqualTo(OpenRouterStub.DEFAULT_TEXT);
	}

	private static MessageRequest request() {
		return MessageRequest.builder().maxTokens(64).addUserMessage("Hi").build();
	}

}
