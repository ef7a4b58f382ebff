package io.github.openrouter.spring.sample.demo;

import java.util.List;

import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;
import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.StubAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the demo mode's answers as the stub serves them to the starter's client.
 */
class DemoStubTests {

	private static final String ALL_FEATURES = """
			{"model":"anthropic/claude-sonnet-4","max_tokens":2000,"thinking":{"type":"enabled","budget_tokens":1024},
			 "tools":[{"name":"get_weather","input_schema":{"type":"object","properties":{"city":{"type":"string"}}}}],
			 "messages":[{"role":"user","content":"Weather in Oslo?"}]}""";

	private OpenRouterStub stub;

	private MessagesClient client;

	@BeforeEach
	void start() {
		this.stub = OpenRouterStub.start(StubAnswer.from(new DemoReplies()::answer));
		this.client = MessagesClient.builder().baseUrl(this.stub.baseUrl()).apiKey(this.stub.apiKey()).build();
	}

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void shouldStreamThinkingTextAndToolUseAsKnownEventsThatAddUpToTheReply() {
		MessageRequest request = JsonMapper.shared().readValue(ALL_FEATURES, MessageRequest.class);

		MessageResponse streamed;
		List<StreamEvent> events;
		try (MessageStream stream = this.client.stream(request)) {
			events = stream.stream().toList();
			streamed = stream.finalMessage();
		}

		MessageResponse served = this.stub.lastRequest().response();
		assertThat(events).noneMatch(UnknownStreamEvent.class::isInstance);
		assertThat(streamed.content()).hasSize(3);
		assertThat(streamed.content().get(0)).isInstanceOf(ThinkingBlock.class).isEqualTo(served.content().get(0));
		assertThat(streamed.content().get(1)).isInstanceOf(TextBlock.class).isEqualTo(served.content().get(1));
		assertThat(streamed.content().get(2)).isInstanceOfSatisfying(ToolUseBlock.class,
				(toolUse) -> assertThat(toolUse.input().path("city").asString()).isEqualTo("Weather in Oslo?"));
		assertThat(streamed.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(streamed.usage().outputTokens()).isEqualTo(served.usage().outputTokens());
		assertThat(streamed.usage().outputTokensDetails().thinkingTokens())
			.isEqualTo(served.usage().outputTokensDetails().thinkingTokens());
		assertThat(streamed.usage().cost()).isEqualByComparingTo(served.usage().cost());
		assertThat(streamed.generationId()).startsWith("gen-demo-");
	}

	@Test
	void shouldSendRoutingMetadataOnlyWhenOptedIn() {
		MessageRequest request = MessageRequest.builder()
			.model("anthropic/claude-sonnet-4")
			.addFallback("openai/gpt-4o")
			.maxTokens(100)
			.addUserMessage("Hi")
			.build();

		MessageResponse without = this.client.create(request);
		MessageResponse with = this.client.create(request, RequestOptions.builder().routingMetadata(true).build());

		assertThat(without.openrouterMetadata()).isNull();
		assertThat(with.openrouterMetadata().requested()).isEqualTo("anthropic/claude-sonnet-4");
		assertThat(with.openrouterMetadata().summary()).isEqualTo("available=2, selected=Anthropic");
		assertThat(with.openrouterMetadata().endpoints().available()).extracting((endpoint) -> endpoint.provider())
			.containsExactly("Anthropic", "OpenAI");
	}

	@Test
	void shouldUseTheFirstProviderOfThePreferredOrder() {
		MessageRequest request = JsonMapper.shared().readValue("""
				{"model":"meta-llama/llama-3.3-70b-instruct","max_tokens":100,
				 "provider":{"order":["DeepInfra","Together"]},"messages":[{"role":"user","content":"Hi"}]}""",
				MessageRequest.class);

		MessageResponse response = this.client.create(request);

		assertThat(response.provider()).isEqualTo("DeepInfra");
		assertThat(response.model()).isEqualTo("meta-llama/llama-3.3-70b-instruct");
	}

}
