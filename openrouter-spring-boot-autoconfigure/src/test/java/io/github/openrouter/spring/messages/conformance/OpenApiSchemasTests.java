package io.github.openrouter.spring.messages.conformance;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OpenApiSchemas}: the harness accepts valid documents and rejects invalid
 * ones, so a passing conformance test means something.
 */
class OpenApiSchemasTests {

	private static final String MINIMAL_REQUEST = """
			{"model": "anthropic/claude-sonnet-4", "max_tokens": 16,
			 "messages": [{"role": "user", "content": "Hello"}]}""";

	private static final String MINIMAL_RESULT = """
			{"id": "msg_1", "type": "message", "role": "assistant", "container": null,
			 "content": [{"type": "text", "text": "Hi", "citations": null}],
			 "model": "anthropic/claude-sonnet-4", "stop_reason": "end_turn", "stop_details": null,
			 "stop_sequence": null,
			 "usage": {"input_tokens": 3, "output_tokens": 1, "cache_creation": null,
			  "cache_creation_input_tokens": null, "cache_read_input_tokens": null,
			  "inference_geo": null, "output_tokens_details": null, "server_tool_use": null,
			  "service_tier": null}}""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final OpenApiSchemas schemas = OpenApiSchemas.get();

	@Test
	void shouldAcceptMinimalRequest() {
		assertThat(this.schemas.validate("MessagesRequest", json(MINIMAL_REQUEST))).isEmpty();
	}

	@Test
	void shouldRejectRequestWhenMaxTokensIsString() {
		List<String> violations = this.schemas.validate("MessagesRequest",
				with(MINIMAL_REQUEST, "max_tokens", this.mapper.getNodeFactory().stringNode("x")));
		assertThat(violations).singleElement().asString().startsWith("/max_tokens").contains("type");
	}

	@Test
	void shouldRejectRequestWhenProviderHasUnknownKey() {
		assertThat(this.schemas.schemaNode("ProviderPreferences").path("additionalProperties").asBoolean(true))
			.isFalse();
		List<String> violations = this.schemas.validate("MessagesRequest",
				with(MINIMAL_REQUEST, "provider", json("{\"allow_fallbacks\": true, \"bogus\": 1}")));
		assertThat(violations).singleElement().asString().startsWith("/provider").contains("bogus");
	}

	@Test
	void shouldRejectRequestWhenModelIsMissing() {
		JsonNode request = json(MINIMAL_REQUEST);
		((ObjectNode) request).remove("model");
		assertThat(this.schemas.validate("MessagesRequest", request)).singleElement()
			.asString()
			.contains("required")
			.contains("model");
	}

	@Test
	void shouldRejectRequestWhenPluginSettingHasWrongType() {
		List<String> violations = this.schemas.validate("MessagesRequest",
				with(MINIMAL_REQUEST, "plugins", json("[{\"id\": \"web\", \"max_results\": \"five\"}]")));
		assertThat(violations).anySatisfy((line) -> assertThat(line).startsWith("/plugins/0/max_results"));
	}

	@Test
	void shouldRejectRequestWhenThinkingHasUnknownType() {
		List<String> violations = this.schemas.validate("MessagesRequest",
				with(MINIMAL_REQUEST, "thinking", json("{\"type\": \"sometimes\"}")));
		assertThat(violations).isNotEmpty().allSatisfy((line) -> assertThat(line).startsWith("/thinking"));
	}

	@Test
	void shouldAcceptMinimalResult() {
		assertThat(this.schemas.validate("MessagesResult", json(MINIMAL_RESULT))).isEmpty();
	}

	@Test
	void shouldRejectResultWhenRoleIsUser() {
		List<String> violations = this.schemas.validate("MessagesResult",
				with(MINIMAL_RESULT, "role", this.mapper.getNodeFactory().stringNode("user")));
		assertThat(violations).singleElement().asString().startsWith("/role").contains("enum");
	}

	@Test
	void shouldRejectResultWhenRequiredNullableFieldIsAbsent() {
		JsonNode result = json(MINIMAL_RESULT);
		((ObjectNode) result).remove("stop_details");
		assertThat(this.schemas.validate("MessagesResult", result)).singleElement()
			.asString()
			.contains("stop_details");
	}

	@Test
	void shouldRejectResultWhenInputTokensIsText() {
		JsonNode result = json(MINIMAL_RESULT);
		((ObjectNode) result.get("usage")).put("input_tokens", "three");
		assertThat(this.schemas.validate("MessagesResult", result))
			.anySatisfy((line) -> assertThat(line).startsWith("/usage/input_tokens"));
	}

	@Test
	void shouldFailForUnknownSchemaName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.schemas.validate("NoSuchSchema", json("{}")))
			.withMessageContaining("NoSuchSchema");
	}

	private JsonNode json(String text) {
		return this.mapper.readTree(text);
	}

	private JsonNode with(String document, String field, JsonNode value) {
		ObjectNode node = (ObjectNode) json(document);
		node.set(field, value);
		return node;
	}

}
