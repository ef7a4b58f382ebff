package io.github.openrouter.spring.sample.demo;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DemoReplies}.
 */
class DemoRepliesTests {

	private static final String WEATHER_TOOL = """
			{"name":"get_weather","description":"Current weather in a city",
			 "input_schema":{"type":"object","properties":{"city":{"type":"string"},
			 "unit":{"type":"string","enum":["celsius","fahrenheit"]},"days":{"type":"integer"}},
			 "required":["city"]}}""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final DemoReplies replies = new DemoReplies();

	@Test
	void shouldCountWordsAsTokens() {
		assertThat(DemoTokens.count("")).isZero();
		assertThat(DemoTokens.count("  \n\t ")).isZero();
		assertThat(DemoTokens.count("one")).isEqualTo(1);
		assertThat(DemoTokens.count(" two  words\n")).isEqualTo(2);
		assertThat(DemoTokens.count("a,b c.d\te")).isEqualTo(3);
	}

	@Test
	void shouldPriceTokens() {
		assertThat(DemoTokens.cost(1_000_000, 0, 0, 0)).isEqualByComparingTo("3");
		assertThat(DemoTokens.cost(0, 1_000_000, 0, 0)).isEqualByComparingTo("15");
		assertThat(DemoTokens.cost(0, 0, 1_000_000, 1_000_000)).isEqualByComparingTo("4.05");
	}

	@Test
	void shouldCallFirstCustomToolWithInputFromItsSchema() {
		MessageResponse reply = reply("""
				{"model":"openai/gpt-4o","max_tokens":200,"tools":[%s],
				 "messages":[{"role":"user","content":"Paris"}]}""".formatted(WEATHER_TOOL));

		assertThat(reply.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(reply.provider()).isEqualTo("OpenAI");
		assertThat(reply.content()).hasSize(2);
		ToolUseBlock toolUse = (ToolUseBlock) reply.content().get(1);
		assertThat(toolUse.name()).isEqualTo("get_weather");
		assertThat(toolUse.id()).startsWith("toolu_demo_");
		assertThat(toolUse.input().path("city").asString()).isEqualTo("Paris");
		assertThat(toolUse.input().path("unit").asString()).isEqualTo("celsius");
		assertThat(toolUse.input().path("days").asInt()).isEqualTo(1);
		int toolTokens = DemoTokens.count(
				this.mapper.readTree(WEATHER_TOOL).path("name").asString() + " Current weather in a city "
						+ this.mapper.readTree(WEATHER_TOOL).path("input_schema"));
		assertThat(reply.usage().inputTokens()).isEqualTo(toolTokens + 1);
	}

	@Test
	void shouldAnswerToolResultWithText() {
		MessageResponse reply = reply("""
				{"model":"openai/gpt-4o","max_tokens":200,"tools":[%s],
				 "messages":[{"role":"user","content":"Paris"},
				  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
				  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18 degrees, sunny"}]}]}"""
			.formatted(WEATHER_TOOL));

		assertThat(reply.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(reply.content()).hasSize(1);
		assertThat(reply.text()).startsWith("The tool returned: 18 degrees, sunny.");
	}

	@Test
	void shouldNotCallToolsWhenToolChoiceIsNone() {
		MessageResponse reply = reply("""
				{"model":"openai/gpt-4o","tools":[%s],"tool_choice":{"type":"none"},
				 "messages":[{"role":"user","content":"Paris"}]}""".formatted(WEATHER_TOOL));

		assertThat(reply.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(reply.text()).isEqualTo(DemoReplies.echo("Paris"));
	}

	@Test
	void shouldThinkBeforeAnsweringWhenThinkingIsEnabled() {
		MessageResponse reply = reply("""
				{"model":"anthropic/claude-sonnet-4","max_tokens":2000,"thinking":{"type":"enabled","budget_tokens":1024},
				 "messages":[{"role":"user","content":"Why is the sky blue?"}]}""");

		assertThat(reply.content()).hasSize(2);
		ThinkingBlock thinking = (ThinkingBlock) reply.content().get(0);
		assertThat(thinking.signature()).isNotBlank();
		int thinkingTokens = reply.usage().outputTokensDetails().thinkingTokens();
		assertThat(thinkingTokens).isEqualTo(DemoTokens.count(thinking.thinking())).isPositive();
		assertThat(reply.usage().outputTokens())
			.isEqualTo(thinkingTokens + DemoTokens.count(DemoReplies.echo("Why is the sky blue?")));
	}

	@Test
	void shouldCutAnswerAtMaxTokens() {
		MessageResponse reply = reply("""
				{"model":"anthropic/claude-sonnet-4","max_tokens":4,
				 "messages":[{"role":"user","content":"Count to ten please"}]}""");

		assertThat(reply.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
		assertThat(reply.usage().outputTokens()).isEqualTo(4);
		assertThat(reply.text()).isEqualTo("You said: \"Count to");
	}

	@Test
	void shouldCountImagesAndDocuments() {
		MessageResponse reply = reply("""
				{"model":"anthropic/claude-sonnet-4","messages":[{"role":"user","content":[
				 {"type":"image","source":{"type":"url","url":"https://example.com/cat.png"}},
				 {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0="}},
				 {"type":"text","text":"Describe both"}]}]}""");

		assertThat(reply.usage().inputTokens()).isEqualTo(DemoTokens.IMAGE_TOKENS + DemoTokens.DOCUMENT_TOKENS + 2);
		assertThat(reply.text()).startsWith("You attached 1 image(s) and 1 document(s). ")
			.endsWith(DemoReplies.echo("Describe both"));
	}

	@Test
	void shouldWriteCacheOnFirstCallAndReadItOnSecond() {
		String system = "You answer questions about a long handbook. " + "Handbook text. ".repeat(50);
		String body = """
				{"model":"anthropic/claude-sonnet-4","system":[{"type":"text","text":"%s","cache_control":{"type":"ephemeral"}}],
				 "messages":[{"role":"user","content":"What does chapter one say?"}]}""".formatted(system);
		int systemTokens = DemoTokens.count(system);

		Usage first = reply(body).usage();
		Usage second = reply(body).usage();

		assertThat(first.cacheCreationInputTokens()).isEqualTo(systemTokens);
		assertThat(first.cacheReadInputTokens()).isZero();
		assertThat(second.cacheCreationInputTokens()).isZero();
		assertThat(second.cacheReadInputTokens()).isEqualTo(systemTokens);
		assertThat(first.inputTokens()).isEqualTo(second.inputTokens()).isEqualTo(5);
		assertThat(first.totalInputTokens()).isEqualTo(systemTokens + 5);
		assertThat(second.cost()).isLessThan(first.cost());
	}

	@Test
	void shouldCacheWholePromptWithTopLevelCacheControl() {
		MessageResponse reply = reply("""
				{"model":"anthropic/claude-sonnet-4","cache_control":{"type":"ephemeral"},"system":"Be brief.",
				 "messages":[{"role":"user","content":"Hello world"}]}""");

		assertThat(reply.usage().cacheCreationInputTokens()).isEqualTo(4);
		assertThat(reply.usage().inputTokens()).isZero();
	}

	@Test
	void shouldTakeFirstOfModelsWhenModelIsAbsent() {
		MessageResponse reply = reply("""
				{"models":["google/gemini-2.5-flash","openai/gpt-4o"],"messages":[{"role":"user","content":"Hi"}]}""");

		assertThat(reply.model()).isEqualTo("google/gemini-2.5-flash");
		assertThat(reply.provider()).isEqualTo("Google");
		assertThat(reply.openrouterMetadata().endpoints().total()).isEqualTo(2);
	}

	@Test
	void shouldRejectRequestsWithoutModelOrMessages() {
		assertThatExceptionOfType(DemoRequestException.class)
			.isThrownBy(() -> reply("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
			.withMessageContaining("model");
		assertThatExceptionOfType(DemoRequestException.class).isThrownBy(() -> reply("{\"model\":\"a/b\"}"))
			.withMessageContaining("messages");
		assertThatExceptionOfType(DemoRequestException.class)
			.isThrownBy(() -> reply("{\"model\":\"a/b\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"))
			.withMessageContaining("max_tokens");
	}

	private MessageResponse reply(String json) {
		return this.replies.reply(request(json));
	}

	private MessageRequest request(String json) {
		return this.mapper.readValue(json, MessageRequest.class);
	}

}
