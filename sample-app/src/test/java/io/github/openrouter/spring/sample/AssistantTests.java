package io.github.openrouter.spring.sample;

import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.sample.ReadmeSnippetsTests.Assistant;
import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.RecordedRequest;
import io.github.openrouter.spring.test.StubAnswer;
import io.github.openrouter.spring.test.StubRequests;
import io.github.openrouter.spring.test.autoconfigure.AutoConfigureOpenRouterStub;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's "Testing your application" snippet: a test of the README's {@link Assistant}
 * against the stub of {@code openrouter-spring-boot-test}, without a key.
 */
@TestPropertySource(properties = "sample.demo-mode=never") // the sample's own demo stub stays off
@Import(Assistant.class) // in an application, Assistant is found by component scanning
// tag::testing[]
@SpringBootTest
@AutoConfigureOpenRouterStub
class AssistantTests {

	@Autowired
	OpenRouterStub stub;

	@Autowired
	Assistant assistant;

	@Test
	void shouldAskTheModelAndReturnItsText() {
		this.stub.enqueue(StubAnswer.text("A gateway to many models."));

		String answer = this.assistant.ask("What is OpenRouter?");

		assertThat(answer).isEqualTo("A gateway to many models.");
		RecordedRequest sent = this.stub.lastRequest();
		assertThat(sent.request().system().asText()).isEqualTo("You are a concise assistant.");
		assertThat(StubRequests.lastUserText(sent.request())).isEqualTo("What is OpenRouter?");
	}

	@Test
	void shouldLetRateLimitsThrough() {
		this.stub.answerWhen(StubRequests.lastUserTextContains("busy"), StubAnswer.error(429, "Slow down")
			.header("Retry-After", "0"));

		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.assistant.ask("Are you busy?"));
	}

}
// end::testing[]
