package io.github.openrouter.spring.sample.demo;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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
	void shouldSplitTextIntoChunksThatJoinBack() {
		String text = "  The quick brown fox jumps over the lazy dog.  ";
		assertThat(DemoWireFormat.chunks(text)).hasSize(3);
		assertThat(String.join("", DemoWireFormat.chunks(text))).isEqualTo(text);
		assertThat(DemoWireFormat.chunks("")).isEmpty();
	}

	@Test
	void shouldCallFirstCustomToolWithInputFromItsSchema() {
		DemoReply reply = reply("""
				{"model":"openai/gpt-4o","max_tokens":200,"tools":[%s],
				 "messages":[{"role":"user","content":"Paris"}]}""".formatted(WEATHER_TOOL));

		assertThat(reply.stopReason()).isEqualTo("tool_use");
		assertThat(reply.provider()).isEqualTo("OpenAI");
		assertThat(reply.content()).hasSize(2);
		JsonNode toolUse = reply.content().get(1);
		assertThat(toolUse.path("type").asString()).isEqualTo("tool_use");
		assertThat(toolUse.path("name").asString()).isEqualTo("get_weather");
		assertThat(toolUse.path("id").asString()).startsWith("toolu_demo_");
		assertThat(toolUse.path("input").path("city").asString()).isEqualTo("Paris");
		assertThat(toolUse.path("input").path("unit").asString()).isEqualTo("celsius");
		assertThat(toolUse.path("input").path("days").asInt()).isEqualTo(1);
		int toolTokens = DemoTokens.count(
				this.mapper.readTree(WEATHER_TOOL).path("name").asString() + " Current weather in a city "
						+ this.mapper.readTree(WEATHER_TOOL).path("input_schema"));
		assertThat(reply.inputTokens()).isEqualTo(toolTokens + 1);
	}

	@Test
	void shouldAnswerToolResultWithText() {
		DemoReply reply = reply("""
				{"model":"openai/gpt-4o","max_tokens":200,"tools":[%s],
				 "messages":[{"role":"user","content":"Paris"},
				  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"city":"Paris"}}]},
				  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"18 degrees, sunny"}]}]}"""
			.formatted(WEATHER_TOOL));

		assertThat(reply.stopReason()).isEqualTo("end_turn");
		assertThat(reply.content()).hasSize(1);
		assertThat(reply.text()).startsWith("The tool returned: 18 degrees, sunny.");
	}

	@Test
	void shouldNotCallToolsWhenToolChoiceIsNone() {
		DemoReply reply = reply("""
				{"model":"openai/gpt-4o","tools":[%s],"tool_choice":{"type":"none"},
				 "messages":[{"role":"user","content":"Paris"}]}""".formatted(WEATHER_TOOL));

		assertThat(reply.stopReason()).isEqualTo("end_turn");
		assertThat(reply.text()).isEqualTo(DemoReplies.echo("Paris"));
	}

	@Test
	void shouldThinkBeforeAnsweringWhenThinkingIsEnabled() {
		DemoReply reply = reply("""
				{"model":"anthropic/claude-sonnet-4","max_tokens":2000,"thinking":{"type":"enabled","budget_tokens":1024},
				 "messages":[{"role":"user","content":"Why is the sky blue?"}]}""");

		assertThat(reply.content()).hasSize(2);
		JsonNode thinking = reply.content().get(0);
		assertThat(thinking.path("type").asString()).isEqualTo("thinking");
		assertThat(thinking.path("signature").asString()).isNotBlank();
		assertThat(reply.thinkingTokens()).isEqualTo(DemoTokens.count(thinking.path("thinking").asString()))
			.isPositive();
		assertThat(reply.outputTokens())
			.isEqualTo(reply.thinkingTokens() + DemoTokens.count(DemoReplies.echo("Why is the sky blue?")));
	}

	@Test
	void shouldCutAnswerAtMaxTokens() {
		DemoReply reply = reply("""
				{"model":"anthropic/claude-sonnet-4","max_tokens":4,
				 "messages":[{"role":"user","content":"Count to ten please"}]}""");

		assertThat(reply.stopReason()).isEqualTo("max_tokens");
		assertThat(reply.outputTokens()).isEqualTo(4);
		assertThat(reply.text()).isEqualTo("You said: \"Count to");
	}

	@Test
	void shouldCountImagesAndDocuments() {
		DemoReply reply = reply("""
				{"model":"anthropic/claude-sonnet-4","messages":[{"role":"user","content":[
				 {"type":"image","source":{"type":"url","url":"https://example.com/cat.png"}},
				 {"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0="}},
				 {"type":"text","text":"Describe both"}]}]}""");

		assertThat(reply.inputTokens()).isEqualTo(DemoTokens.IMAGE_TOKENS + DemoTokens.DOCUMENT_TOKENS + 2);
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

		DemoReply first = reply(body);
		DemoReply second = reply(body);

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
		DemoReply reply = reply("""
				{"model":"anthropic/claude-sonnet-4","cache_control":{"type":"ephemeral"},"system":"Be brief.",
				 "messages":[{"role":"user","content":"Hello world"}]}""");

		assertThat(reply.cacheCreationInputTokens()).isEqualTo(4);
		assertThat(reply.inputTokens()).isZero();
	}

	@Test
	void shouldTakeFirstOfModelsWhenModelIsAbsent() {
		DemoReply reply = reply("""
				{"models":["google/gemini-2.5-flash","openai/gpt-4o"],"messages":[{"role":"user","content":"Hi"}]}""");

		assertThat(reply.model()).isEqualTo("google/gemini-2.5-flash");
		assertThat(reply.provider()).isEqualTo("Google");
		assertThat(reply.openRouterMetadata().path("endpoints").path("total").asInt()).isEqualTo(2);
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

	private DemoReply reply(String json) {
		return this.replies.reply(this.mapper.readTree(json));
	}

}
