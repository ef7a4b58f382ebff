package io.github.openrouter.spring.messages.tools;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A scripted conversation on WireMock: the answers of successive rounds, served as JSON or, for
 * streaming calls, as the server-sent events that describe the same message.
 */
final class Conversation {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final WireMockExtension wireMock;

	private final boolean streaming;

	Conversation(WireMockExtension wireMock, boolean streaming) {
		this.wireMock = wireMock;
		this.streaming = streaming;
	}

	/**
	 * Serves the answers in order, one per request; a request past the last gets a 500.
	 */
	void script(String... answers) {
		for (int i = 0; i < answers.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "round-" + (i + 1);
			JsonNode answer = MAPPER.readTree(answers[i]);
			this.wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).inScenario("conversation")
				.whenScenarioStateIs(state)
				.willSetStateTo("round-" + (i + 2))
				.willReturn(this.streaming
						? aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(sse(answer))
						: aResponse().withStatus(200).withHeader("Content-Type", "application/json")
							.withBody(answer.toString())));
		}
	}

	/**
	 * Returns the bodies of the requests received, in order.
	 */
	List<JsonNode> requests() {
		List<JsonNode> bodies = new ArrayList<>();
		for (LoggedRequest request : this.wireMock.findAll(postRequestedFor(urlEqualTo("/api/v1/messages")))) {
			bodies.add(MAPPER.readTree(request.getBodyAsString()));
		}
		return bodies;
	}

	static String answer(String stopReason, String usage, String... blocks) {
		return """
				{"id": "msg_%s", "type": "message", "role": "assistant", "model": "anthropic/claude-4.5-sonnet-20250929",
				 "provider": "Amazon Bedrock", "content": [%s], "stop_reason": "%s", "stop_sequence": null,
				 "usage": %s}
				""".formatted(Integer.toHexString(String.join("", blocks).hashCode()), String.join(",", blocks),
				stopReason, usage);
	}

	static String text(String text) {
		return "{\"type\": \"text\", \"text\": " + MAPPER.writeValueAsString(text) + "}";
	}

	static String toolUse(String id, String name, String input) {
		return "{\"type\": \"tool_use\", \"id\": \"" + id + "\", \"name\": \"" + name + "\", \"input\": " + input + "}";
	}

	/**
	 * The events of a streamed message: its start without content, each block started empty and
	 * filled by deltas, the stop reason and whole usage in {@code message_delta}.
	 */
	static String sse(JsonNode answer) {
		StringBuilder sse = new StringBuilder();
		ObjectNode start = ((ObjectNode) answer).deepCopy();
		start.putArray("content");
		start.putNull("stop_reason");
		start.set("usage", MAPPER.createObjectNode().put("input_tokens", 0).put("output_tokens", 0));
		event(sse, MAPPER.createObjectNode().put("type", "message_start").set("message", start));
		int index = 0;
		for (JsonNode block : answer.get("content")) {
			ObjectNode empty = ((ObjectNode) block).deepCopy();
			List<ObjectNode> deltas = new ArrayList<>();
			switch (block.get("type").asString()) {
				case "text" -> {
					empty.put("text", "");
					deltas.add(MAPPER.createObjectNode().put("type", "text_delta").put("text", block.get("text").asString()));
				}
				case "tool_use", "server_tool_use" -> {
					empty.putObject("input");
					deltas.add(MAPPER.createObjectNode()
						.put("type", "input_json_delta")
						.put("partial_json", block.get("input").toString()));
				}
				case "thinking" -> {
					empty.put("thinking", "").put("signature", "");
					deltas.add(MAPPER.createObjectNode()
						.put("type", "thinking_delta")
						.put("thinking", block.get("thinking").asString()));
					deltas.add(MAPPER.createObjectNode()
						.put("type", "signature_delta")
						.put("signature", block.get("signature").asString()));
				}
				default -> {
				}
			}
			event(sse, MAPPER.createObjectNode().put("type", "content_block_start").put("index", index).set("content_block",
					empty));
			for (ObjectNode delta : deltas) {
				event(sse, MAPPER.createObjectNode().put("type", "content_block_delta").put("index", index).set("delta",
						delta));
			}
			event(sse, MAPPER.createObjectNode().put("type", "content_block_stop").put("index", index));
			index++;
		}
		ObjectNode delta = MAPPER.createObjectNode().put("type", "message_delta");
		delta.putObject("delta").put("stop_reason", answer.get("stop_reason").asString()).putNull("stop_sequence");
		delta.set("usage", answer.get("usage"));
		event(sse, delta);
		event(sse, MAPPER.createObjectNode().put("type", "message_stop"));
		return sse.toString();
	}

	private static void event(StringBuilder sse, JsonNode data) {
		sse.append("event: ").append(data.get("type").asString()).append("\ndata: ").append(data).append("\n\n");
	}

}
