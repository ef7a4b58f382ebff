package io.github.openrouter.spring.messages.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.model.content.ImageBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.routing.ProviderSort;
import io.github.openrouter.spring.messages.model.routing.ResponseHealingPlugin;
import io.github.openrouter.spring.messages.model.routing.StepCountIsCondition;
import io.github.openrouter.spring.messages.model.routing.TraceConfig;
import io.github.openrouter.spring.messages.model.routing.UnknownPlugin;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.OpenRouterServerTool;
import io.github.openrouter.spring.messages.model.tool.ToolChoice;
import io.github.openrouter.spring.messages.model.tool.UnknownTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MessageRequest}.
 */
class MessageRequestTests {

	/** A request that sets every field the spec lists, several with unusual shapes. */
	static final String EVERY_FIELD = """
			{
			  "model": "anthropic/claude-sonnet-4",
			  "messages": [
			    {"role": "user", "content": "Hello"},
			    {"role": "assistant", "content": [
			      {"type": "thinking", "thinking": "t", "signature": "s"},
			      {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Paris"}}]},
			    {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_1", "content": "18C"}]},
			    {"role": "system", "content": [{"type": "tool_addition", "tool": {"type": "tool_reference", "name": "x"}}]}
			  ],
			  "max_tokens": 1024,
			  "system": [{"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral", "ttl": "1h"}}],
			  "stream": false,
			  "temperature": 0.7,
			  "top_p": 0.9,
			  "top_k": 40,
			  "stop_sequences": ["END"],
			  "metadata": {"user_id": "u-1"},
			  "tools": [
			    {"name": "get_weather", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}},
			    {"type": "web_search_20250305", "name": "web_search", "max_uses": 2},
			    {"type": "openrouter:datetime"},
			    {"type": "memory_20250818", "name": "memory"}
			  ],
			  "tool_choice": {"type": "auto", "disable_parallel_tool_use": true},
			  "thinking": {"type": "enabled", "budget_tokens": 2048, "display": "summarized"},
			  "output_config": {"effort": "high", "format": {"type": "json_schema", "schema": {"type": "object"}},
			    "task_budget": {"type": "tokens", "total": 20000, "remaining": 15000}},
			  "cache_control": {"type": "ephemeral"},
			  "context_management": {"edits": [{"type": "clear_tool_uses_20250919", "trigger": {"type": "input_tokens", "value": 30000},
			    "keep": {"type": "tool_uses", "value": 3}, "clear_tool_inputs": ["a"], "exclude_tools": ["b"]},
			    {"type": "clear_thinking_20251015", "keep": "all"},
			    {"type": "compact_20260112", "trigger": {"type": "input_tokens", "value": 100000}, "instructions": "short",
			      "pause_after_compaction": true},
			    {"type": "clear_everything_20270101", "really": true}]},
			  "service_tier": "flex",
			  "speed": "fast",
			  "models": ["openai/gpt-4o", "google/gemini-2.5-pro"],
			  "provider": {"order": ["anthropic"], "allow_fallbacks": false, "sort": "price", "max_price": {"prompt": "3"}},
			  "plugins": [{"id": "response-healing", "enabled": true}, {"id": "future-plugin", "x": 1}],
			  "route": "fallback",
			  "session_id": "sess-1",
			  "user": "user-1",
			  "trace": {"trace_id": "tr", "span_name": "sp", "environment": "prod"},
			  "stop_server_tools_when": [{"type": "step_count_is", "step_count": 5}, {"type": "max_cost", "max_cost_in_dollars": 0.5}],
			  "brand_new_field": {"nested": [1, 2]},
			  "another_one": null
			}
			""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldReadEveryFieldAndWriteItBackUnchanged() {
		MessageRequest request = this.mapper.readValue(EVERY_FIELD, MessageRequest.class);
		assertThat(request.model()).isEqualTo("anthropic/claude-sonnet-4");
		assertThat(request.messages()).hasSize(4);
		assertThat(request.system().blocks()).singleElement()
			.satisfies((block) -> assertThat(block.cacheControl()).isEqualTo(CacheControl.ephemeral1h()));
		assertThat(request.tools()).hasSize(4);
		assertThat(request.tools().get(0)).isInstanceOf(CustomTool.class);
		assertThat(request.tools().get(2)).isInstanceOf(OpenRouterServerTool.class);
		assertThat(request.tools().get(3)).isInstanceOf(UnknownTool.class);
		assertThat(request.thinking()).isEqualTo(new EnabledThinking("enabled", 2048, "summarized"));
		assertThat(request.outputConfig().effort()).isEqualTo(Effort.HIGH);
		assertThat(request.contextManagement().edits()).extracting((edit) -> (Object) edit.getClass())
			.containsExactly(ClearToolUsesEdit.class, ClearThinkingEdit.class, CompactEdit.class, UnknownContextEdit.class);
		assertThat(((ClearToolUsesEdit) request.contextManagement().edits().get(0)).excludeTools()).containsExactly("b");
		assertThat(request.speed()).isEqualTo(Speed.FAST);
		assertThat(request.serviceTier()).isEqualTo(ServiceTier.FLEX);
		assertThat(request.plugins()).hasSize(2);
		assertThat(request.plugins().get(0)).isInstanceOf(ResponseHealingPlugin.class);
		assertThat(request.plugins().get(1)).isInstanceOf(UnknownPlugin.class);
		assertThat(request.provider().sort()).isEqualTo(ProviderSort.by("price"));
		assertThat(request.trace().extra()).containsEntry("environment", "prod");
		assertThat(request.stopServerToolsWhen().get(0)).isInstanceOf(StepCountIsCondition.class);
		assertThat(request.extraBody()).containsKeys("brand_new_field", "another_one");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(request))).isEqualTo(this.mapper.readTree(EVERY_FIELD));
	}

	@Test
	void shouldKeepUnknownTopLevelFieldThroughToBuilder() {
		MessageRequest request = this.mapper.readValue(
				"{\"model\":\"m\",\"messages\":[],\"verbosity\":\"low\",\"limits\":{\"a\":1}}", MessageRequest.class);
		MessageRequest copy = request.toBuilder().maxTokens(10).build();
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(copy)))
			.isEqualTo(this.mapper.readTree("{\"model\":\"m\",\"messages\":[],\"max_tokens\":10,\"verbosity\":\"low\",\"limits\":{\"a\":1}}"));
	}

	@Test
	void shouldWriteStringAndBlockContentAsWritten() {
		String json = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"plain\"},"
				+ "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"plain\"}]}],\"system\":\"sys\"}";
		MessageRequest request = this.mapper.readValue(json, MessageRequest.class);
		assertThat(request.messages().get(0).content().text()).isEqualTo("plain");
		assertThat(request.messages().get(1).content().blocks()).containsExactly(TextBlock.of("plain"));
		assertThat(request.system().text()).isEqualTo("sys");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(request))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldBuildTheDocumentedRequest() {
		MessageRequest request = MessageRequest.builder()
			.model("anthropic/claude-sonnet-4")
			.maxTokens(1024)
			.system("Be brief.")
			.addUserMessage("Hello")
			.addAssistantMessage("Hi")
			.addUserMessage(TextBlock.of("Look"), ImageBlock.url("https://x/y.png"))
			.addTool(OpenRouterServerTool.webSearch())
			.toolChoice(ToolChoice.auto())
			.thinking(ThinkingConfig.enabled(2048))
			.models("a/b", "c/d")
			.provider(ProviderPreferences.builder().zdr(true).build())
			.trace(TraceConfig.ofTraceId("t"))
			.putExtraBody("x_future", List.of(1))
			.build();
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(request))).isEqualTo(this.mapper.readTree("""
				{"model":"anthropic/claude-sonnet-4","messages":[{"role":"user","content":"Hello"},
				{"role":"assistant","content":"Hi"},{"role":"user","content":[{"type":"text","text":"Look"},
				{"type":"image","source":{"type":"url","url":"https://x/y.png"}}]}],"max_tokens":1024,"system":"Be brief.",
				"tools":[{"type":"openrouter:web_search"}],"tool_choice":{"type":"auto"},
				"thinking":{"type":"enabled","budget_tokens":2048},"models":["a/b","c/d"],"provider":{"zdr":true},
				"trace":{"trace_id":"t"},"x_future":[1]}
				"""));
	}

	@Test
	void shouldCopyEverythingWithToBuilder() {
		MessageRequest request = this.mapper.readValue(EVERY_FIELD, MessageRequest.class);
		assertThat(request.toBuilder().build()).isEqualTo(request);
		MessageRequest changed = request.toBuilder().addUserMessage("more").temperature(null).build();
		assertThat(changed.messages()).hasSize(5);
		assertThat(changed.temperature()).isNull();
		assertThat(request.messages()).hasSize(4);
		assertThat(changed.extraBody()).isEqualTo(request.extraBody());
	}

	@Test
	void shouldSetStreamWithoutChangingTheRest() {
		MessageRequest request = MessageRequest.builder().model("m").addUserMessage("hi").build();
		MessageRequest streaming = request.withStream(true);
		assertThat(streaming.stream()).isTrue();
		assertThat(request.stream()).isNull();
		assertThat(streaming.toBuilder().stream(null).build()).isEqualTo(request);
	}

	@Test
	void shouldLeaveOutUnsetFields() {
		MessageRequest request = MessageRequest.builder().model("m").build();
		assertThat(this.mapper.writeValueAsString(request)).isEqualTo("{\"model\":\"m\",\"messages\":[]}");
	}

	@Test
	void shouldBeImmutable() {
		MessageRequest request = MessageRequest.builder().model("m").addUserMessage("a").putExtraBody("k", 1).build();
		assertThat(request.messages()).isUnmodifiable();
		assertThat(request.extraBody()).isUnmodifiable();
	}

	@Test
	void shouldRejectExtraBodyThatRepeatsAModelledField() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MessageRequest.builder().model("m").putExtraBody("max_tokens", 5).build())
			.withMessageContaining("'max_tokens'");
	}

	@Test
	void shouldRejectContentWithBothForms() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageContent("a", List.of(TextBlock.of("b"))))
			.withMessageContaining("either text or blocks");
		assertThatIllegalArgumentException().isThrownBy(() -> new SystemPrompt(null, null))
			.withMessageContaining("either text or blocks");
	}

	@Test
	void shouldWriteMessageParamFactories() {
		assertThat(this.mapper.writeValueAsString(MessageParam.user("hi"))).isEqualTo("{\"role\":\"user\",\"content\":\"hi\"}");
		assertThat(this.mapper.writeValueAsString(MessageParam.assistant(TextBlock.of("a"))))
			.isEqualTo("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}");
	}

	@Test
	void shouldWriteSmallValueFactories() {
		assertThat(this.mapper.writeValueAsString(CacheControl.ephemeral())).isEqualTo("{\"type\":\"ephemeral\"}");
		assertThat(this.mapper.writeValueAsString(ThinkingConfig.disabled())).isEqualTo("{\"type\":\"disabled\"}");
		assertThat(this.mapper.writeValueAsString(ThinkingConfig.adaptive())).isEqualTo("{\"type\":\"adaptive\"}");
		JsonNode schema = this.mapper.readTree("{\"type\":\"object\"}");
		assertThat(this.mapper.writeValueAsString(OutputConfig.jsonSchema(schema)))
			.isEqualTo("{\"format\":{\"type\":\"json_schema\",\"schema\":{\"type\":\"object\"}}}");
		assertThat(this.mapper.writeValueAsString(new OutputConfig(Effort.MAX, null, TaskBudget.tokens(20000))))
			.isEqualTo("{\"effort\":\"max\",\"task_budget\":{\"type\":\"tokens\",\"total\":20000}}");
	}

	@Test
	void shouldKeepUnknownThinkingConfig() {
		String json = "{\"type\":\"turbo\",\"level\":3}";
		ThinkingConfig thinking = this.mapper.readValue(json, ThinkingConfig.class);
		assertThat(thinking).isInstanceOf(UnknownThinkingConfig.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(thinking))).isEqualTo(this.mapper.readTree(json));
	}

	@ParameterizedTest
	@ValueSource(strings = { "request.example.json", "schema-example.MessagesRequest.json" })
	void shouldReadSpecRequestExamplesAndWriteThemBackUnchanged(String name) throws IOException {
		String json = fixture("openrouter-spec/" + name);
		MessageRequest request = this.mapper.readValue(json, MessageRequest.class);
		assertThat(request.messages()).isNotEmpty();
		assertThat(request.extraBody()).isEmpty();
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(request))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldReadExtraBodyValuesAsPlainJavaValues() {
		MessageRequest request = this.mapper.readValue("{\"model\":\"m\",\"messages\":[],\"x\":{\"a\":[1]}}", MessageRequest.class);
		assertThat(request.extraBody().get("x")).isEqualTo(Map.of("a", List.of(1)));
	}

	static String fixture(String name) throws IOException {
		try (InputStream stream = MessageRequestTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(stream).as(name).isNotNull();
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
