package io.github.openrouter.spring.sample.demo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DemoWireFormat}.
 */
class DemoWireFormatTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final DemoWireFormat wireFormat = new DemoWireFormat(this.mapper);

	private final DemoReplies replies = new DemoReplies();

	@Test
	void shouldStreamToolInputAsPartialJsonThatJoinsToTheInput() {
		DemoReply reply = this.replies.reply(this.mapper.readTree("""
				{"model":"anthropic/claude-sonnet-4","tools":[{"name":"lookup","input_schema":{"type":"object",
				 "properties":{"query":{"type":"string"}}}}],"messages":[{"role":"user","content":"spring boot"}]}"""));

		List<JsonNode> events = events(this.wireFormat.sseFrames(reply, false));

		StringBuilder partialJson = new StringBuilder();
		JsonNode toolStart = null;
		for (JsonNode event : events) {
			if (event.path("index").asInt(-1) == 1 && "content_block_start".equals(event.path("type").asString())) {
				toolStart = event.path("content_block");
			}
			if ("input_json_delta".equals(event.path("delta").path("type").asString())) {
				partialJson.append(event.path("delta").path("partial_json").asString());
			}
		}
		assertThat(toolStart).isNotNull();
		assertThat(toolStart.path("type").asString()).isEqualTo("tool_use");
		assertThat(toolStart.path("input").isEmpty()).isTrue();
		assertThat(this.mapper.readTree(partialJson.toString())).isEqualTo(reply.content().get(1).path("input"));
		assertThat(events.get(events.size() - 2).path("delta").path("stop_reason").asString()).isEqualTo("tool_use");
	}

	@Test
	void shouldStreamThinkingWithSignatureBeforeBlockStop() {
		DemoReply reply = this.replies.reply(this.mapper.readTree("""
				{"model":"anthropic/claude-sonnet-4","thinking":{"type":"enabled","budget_tokens":1024},
				 "messages":[{"role":"user","content":"Why?"}]}"""));

		List<JsonNode> events = events(this.wireFormat.sseFrames(reply, false));

		List<String> blockZero = new ArrayList<>();
		StringBuilder thinking = new StringBuilder();
		for (JsonNode event : events) {
			if (event.path("index").asInt(-1) == 0) {
				String delta = event.path("delta").path("type").asString("");
				blockZero.add(delta.isEmpty() ? event.path("type").asString() : delta);
				thinking.append(event.path("delta").path("thinking").asString(""));
			}
		}
		assertThat(blockZero.get(0)).isEqualTo("content_block_start");
		assertThat(blockZero.subList(blockZero.size() - 2, blockZero.size())).containsExactly("signature_delta",
				"content_block_stop");
		assertThat(thinking).hasToString(reply.content().get(0).path("thinking").asString());
		JsonNode usage = events.get(events.size() - 2).path("usage");
		assertThat(usage.path("output_tokens_details").path("thinking_tokens").asInt())
			.isEqualTo(reply.thinkingTokens());
	}

	@Test
	void shouldWriteJsonBodyWithTheReplyContentAndUsage() {
		DemoReply reply = this.replies.reply(this.mapper.readTree("""
				{"model":"x-ai/grok-4","messages":[{"role":"user","content":"Hello"}]}"""));

		JsonNode body = this.mapper.readTree(this.wireFormat.json(reply, true));

		assertThat(body.path("content").path(0)).isEqualTo(reply.content().get(0));
		assertThat(body.path("provider").asString()).isEqualTo("xAI");
		assertThat(body.path("usage").path("input_tokens").asInt()).isEqualTo(reply.inputTokens());
		assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(reply.outputTokens());
		assertThat(body.path("openrouter_metadata")).isEqualTo(reply.openRouterMetadata());
	}

	private List<JsonNode> events(List<String> frames) {
		List<JsonNode> events = new ArrayList<>();
		for (String[] event : DemoOpenRouterServerTests.events(String.join("", frames))) {
			events.add(this.mapper.readTree(event[1]));
		}
		return events;
	}

}
