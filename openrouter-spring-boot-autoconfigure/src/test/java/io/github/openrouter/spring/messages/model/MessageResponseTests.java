package io.github.openrouter.spring.messages.model;

import java.io.IOException;
import java.util.List;

import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.RedactedThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ServerToolUseBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.content.UnknownContentBlock;
import io.github.openrouter.spring.messages.model.content.WebSearchToolResultBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageResponse}.
 */
class MessageResponseTests {

	static final String FULL = """
			{
			  "id": "msg_1", "type": "message", "role": "assistant", "model": "anthropic/claude-sonnet-4",
			  "content": [
			    {"type": "thinking", "thinking": "Let me see", "signature": "sig"},
			    {"type": "text", "text": "Hello", "citations": null},
			    {"type": "text", "text": " world", "citations": [{"type": "web_search_result_location", "cited_text": "c",
			      "encrypted_index": "e", "title": "t", "url": "https://x"}]},
			    {"type": "tool_use", "id": "toolu_1", "name": "f", "input": {}, "caller": {"type": "direct"}},
			    {"type": "fallback", "model": "other"}
			  ],
			  "stop_reason": "tool_use", "stop_sequence": null,
			  "stop_details": {"type": "refusal", "category": null, "explanation": null},
			  "container": {"id": "cont_1", "expires_at": "2026-11-26T13:00:00Z"},
			  "context_management": {"applied_edits": [{"type": "clear_tool_uses_20250919", "cleared_tool_uses": 2}]},
			  "usage": {"input_tokens": 10, "output_tokens": 20, "cache_creation_input_tokens": 5, "cache_read_input_tokens": 100,
			    "cache_creation": {"ephemeral_5m_input_tokens": 2, "ephemeral_1h_input_tokens": 3},
			    "output_tokens_details": {"thinking_tokens": 7}, "server_tool_use": {"web_search_requests": 1, "web_fetch_requests": 0},
			    "service_tier": "standard", "inference_geo": "not_available", "speed": "standard",
			    "iterations": [{"type": "message", "input_tokens": 10, "output_tokens": 20, "cache_creation_input_tokens": 0,
			      "cache_read_input_tokens": 0, "cache_creation": null, "model": "m"}],
			    "cost": 0.00123, "cost_details": {"upstream_inference_prompt_cost": 0.001, "upstream_inference_completions_cost": 0.00023,
			      "upstream_inference_cost": null}, "is_byok": false},
			  "provider": "Anthropic",
			  "openrouter_metadata": {"requested": "anthropic/claude-sonnet-4", "strategy": "direct", "region": "iad",
			    "summary": "available=1, selected=Anthropic", "attempt": 1, "is_byok": false,
			    "endpoints": {"total": 1, "available": [{"provider": "Anthropic", "model": "anthropic/claude-sonnet-4", "selected": true}]}}
			}
			""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldReadEveryFieldAndStayStable() {
		MessageResponse response = this.mapper.readValue(FULL, MessageResponse.class);
		assertThat(response.id()).isEqualTo("msg_1");
		assertThat(response.role()).isEqualTo(Role.ASSISTANT);
		assertThat(response.content()).extracting((block) -> (Object) block.getClass())
			.containsExactly(ThinkingBlock.class, TextBlock.class, TextBlock.class, ToolUseBlock.class, UnknownContentBlock.class);
		assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(response.container().id()).isEqualTo("cont_1");
		assertThat(response.contextManagement().appliedEdits()).hasSize(1);
		Usage usage = response.usage();
		assertThat(usage.cacheCreation().ephemeral1hInputTokens()).isEqualTo(3);
		assertThat(usage.outputTokensDetails().thinkingTokens()).isEqualTo(7);
		assertThat(usage.serverToolUse().webSearchRequests()).isEqualTo(1);
		assertThat(usage.serviceTier()).isEqualTo(ServiceTier.STANDARD);
		assertThat(usage.speed()).isEqualTo(Speed.STANDARD);
		assertThat(usage.iterations()).singleElement().satisfies((iteration) -> assertThat(iteration.model()).isEqualTo("m"));
		assertThat(usage.cost()).isEqualByComparingTo("0.00123");
		assertThat(usage.costDetails().upstreamInferenceCompletionsCost()).isEqualByComparingTo("0.00023");
		assertThat(usage.isByok()).isFalse();
		assertThat(response.provider()).isEqualTo("Anthropic");
		assertThat(response.openrouterMetadata().strategy()).isEqualTo(RoutingStrategy.DIRECT);
		String written = this.mapper.writeValueAsString(response);
		assertThat(this.mapper.readValue(written, MessageResponse.class)).isEqualTo(response);
		assertThat(this.mapper.readTree(written).get("content").get(4)).isEqualTo(this.mapper.readTree("{\"type\":\"fallback\",\"model\":\"other\"}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "response-200.example.json", "schema-example.MessagesResult.json" })
	void shouldReadSpecResponseExamplesAndWriteThemBackUnchanged(String name) throws IOException {
		String json = MessageRequestTests.fixture("openrouter-spec/" + name);
		MessageResponse response = this.mapper.readValue(json, MessageResponse.class);
		assertThat(response.text()).isNotEmpty();
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(response))).isEqualTo(this.mapper.readTree(json));
	}

	@ParameterizedTest
	@CsvSource({ "schema-example.AnthropicThinkingBlock.json, thinking", "schema-example.AnthropicRedactedThinkingBlock.json, redacted_thinking",
			"schema-example.AnthropicToolUseBlock.json, tool_use", "schema-example.ORAnthropicServerToolUseBlock.json, server_tool_use",
			"schema-example.AnthropicWebSearchToolResult.json, web_search_tool_result" })
	void shouldReadSpecBlockExamplesAndWriteThemBackUnchanged(String name, String type) throws IOException {
		String json = MessageRequestTests.fixture("openrouter-spec/" + name);
		ContentBlock block = this.mapper.readValue(json, ContentBlock.class);
		assertThat(block.type()).isEqualTo(type);
		assertThat(block).isInstanceOfAny(ThinkingBlock.class, RedactedThinkingBlock.class, ToolUseBlock.class, ServerToolUseBlock.class,
				WebSearchToolResultBlock.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(block))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldReadSpecStopDetailsAndMetadataExamples() throws IOException {
		String details = MessageRequestTests.fixture("openrouter-spec/schema-example.AnthropicRefusalStopDetails.json");
		StopDetails stopDetails = this.mapper.readValue(details, StopDetails.class);
		assertThat(stopDetails.type()).isEqualTo("refusal");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(stopDetails))).isEqualTo(this.mapper.readTree(details));
		String metadata = MessageRequestTests.fixture("openrouter-spec/schema-example.OpenRouterMetadata.json");
		OpenRouterMetadata routing = this.mapper.readValue(metadata, OpenRouterMetadata.class);
		assertThat(routing.attempt()).isEqualTo(1);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(routing))).isEqualTo(this.mapper.readTree(metadata));
	}

	@Test
	void shouldReadRoutingMetadataOfErrorBodies() throws IOException {
		String json = MessageRequestTests.fixture("openrouter-docs/guardrail-403-with-openrouter_metadata.chat-envelope.json");
		OpenRouterMetadata metadata = this.mapper.treeToValue(this.mapper.readTree(json).get("openrouter_metadata"),
				OpenRouterMetadata.class);
		assertThat(metadata.pipeline()).singleElement().satisfies((stage) -> {
			assertThat(stage.type()).isEqualTo(PipelineStageType.GUARDRAIL);
			assertThat(stage.guardrailId()).isEqualTo("grd_abc123");
			assertThat(stage.data().get("action").stringValue()).isEqualTo("blocked");
		});
		String spec = MessageRequestTests.fixture("openrouter-spec/error-403-guardrail-blocked.example.json");
		OpenRouterMetadata partial = this.mapper.treeToValue(this.mapper.readTree(spec).get("openrouter_metadata"),
				OpenRouterMetadata.class);
		assertThat(partial.requested()).isNull();
		assertThat(partial.pipeline()).singleElement()
			.satisfies((stage) -> assertThat(stage.name()).isEqualTo("regex_pi_detection"));
	}

	@Test
	void shouldKeepUnknownStopReasonAndWriteItBack() {
		String json = "{\"id\":\"m\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"x\",\"content\":[],"
				+ "\"stop_reason\":\"budget_exhausted\",\"stop_sequence\":null,\"stop_details\":null,\"container\":null,"
				+ "\"usage\":{\"input_tokens\":1,\"output_tokens\":2,\"cache_creation_input_tokens\":null,\"cache_read_input_tokens\":null,"
				+ "\"cache_creation\":null,\"output_tokens_details\":null,\"server_tool_use\":null,\"service_tier\":\"premium_plus\","
				+ "\"inference_geo\":null}}";
		MessageResponse response = this.mapper.readValue(json, MessageResponse.class);
		assertThat(response.stopReason().value()).isEqualTo("budget_exhausted");
		assertThat(response.stopReason().isKnown()).isFalse();
		assertThat(response.usage().serviceTier().isKnown()).isFalse();
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(response))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldKeepUnknownTopLevelAndUsageFields() {
		MessageResponse response = this.mapper.readValue(
				"{\"id\":\"m\",\"model\":\"x\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1,\"new_counter\":9},"
						+ "\"new_field\":{\"a\":1}}",
				MessageResponse.class);
		assertThat(response.type()).isEqualTo("message");
		assertThat(response.role()).isEqualTo(Role.ASSISTANT);
		assertThat(response.additionalProperties()).containsOnlyKeys("new_field");
		assertThat(response.usage().additionalProperties()).containsOnlyKeys("new_counter");
		assertThat(this.mapper.writeValueAsString(response)).contains("\"new_field\":{\"a\":1}", "\"new_counter\":9");
	}

	@Test
	void shouldConcatenateTextBlocks() {
		MessageResponse response = this.mapper.readValue(FULL, MessageResponse.class);
		assertThat(response.text()).isEqualTo("Hello world");
	}

	@Test
	void shouldCarryGenerationIdOutsideTheJson() {
		MessageResponse response = this.mapper.readValue(FULL, MessageResponse.class).withGenerationId("gen-123");
		assertThat(response.generationId()).isEqualTo("gen-123");
		String written = this.mapper.writeValueAsString(response);
		assertThat(written).doesNotContain("gen-123").doesNotContain("generation");
		assertThat(this.mapper.readValue(written, MessageResponse.class).generationId()).isNull();
	}

	@Test
	void shouldReplayContentAsAssistantMessage() {
		MessageResponse response = this.mapper.readValue(FULL, MessageResponse.class);
		MessageParam param = response.toMessageParam();
		assertThat(param.role()).isEqualTo(Role.ASSISTANT);
		assertThat(param.content().blocks()).isEqualTo(response.content());
		String replayed = this.mapper.writeValueAsString(MessageRequest.builder().model("m").addAssistantMessage(response).build());
		assertThat(this.mapper.readTree(replayed).get("messages").get(0).get("content"))
			.isEqualTo(this.mapper.readTree(this.mapper.writeValueAsString(response)).get("content"));
	}

	@Test
	void shouldBuildAndCopyResponses() {
		MessageResponse response = MessageResponse.builder()
			.id("msg")
			.model("m")
			.content(List.of(TextBlock.of("a")))
			.usage(Usage.of(1, 2))
			.build();
		assertThat(response.type()).isEqualTo("message");
		assertThat(response.toBuilder().build()).isEqualTo(response);
		assertThat(response.toBuilder().stopReason(StopReason.END_TURN).build().stopReason()).isEqualTo(StopReason.END_TURN);
	}

}
