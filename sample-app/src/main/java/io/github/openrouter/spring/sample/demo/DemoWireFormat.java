package io.github.openrouter.spring.sample.demo;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link DemoReply} the way OpenRouter does: a {@code MessagesResult} JSON body, or a
 * server-sent event stream with OpenRouter's keep-alive comments, routing metadata on
 * {@code message_stop} and the trailing {@code [DONE]} frame.
 *
 * @since 0.1.0
 */
public final class DemoWireFormat {

	/** Keep-alive comment OpenRouter sends while a request is processed. */
	public static final String PROCESSING_COMMENT = ": OPENROUTER PROCESSING\n\n";

	/** Frame OpenRouter sends after {@code message_stop}. */
	public static final String DONE_FRAME = "event: data\ndata: [DONE]\n\n";

	private static final int WORDS_PER_DELTA = 3;

	private final JsonMapper mapper;

	private final JsonNodeFactory nodes = JsonNodeFactory.instance;

	/**
	 * Creates a writer.
	 * @param mapper the mapper that writes the JSON
	 */
	public DemoWireFormat(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Writes the non-streaming body.
	 * @param reply the reply
	 * @param routingMetadata whether to include {@code openrouter_metadata}
	 * @return the JSON body
	 */
	public String json(DemoReply reply, boolean routingMetadata) {
		ObjectNode message = message(reply, false);
		message.set("usage", usage(reply, true));
		if (routingMetadata) {
			message.set("openrouter_metadata", reply.openRouterMetadata());
		}
		return this.mapper.writeValueAsString(message);
	}

	/**
	 * Writes the streaming body as complete frames, each ending with a blank line.
	 * @param reply the reply
	 * @param routingMetadata whether to put {@code openrouter_metadata} on {@code message_stop}
	 * @return the frames in order
	 */
	public List<String> sseFrames(DemoReply reply, boolean routingMetadata) {
		List<String> frames = new ArrayList<>();
		frames.add(PROCESSING_COMMENT);
		ObjectNode start = this.nodes.objectNode().put("type", "message_start");
		ObjectNode message = message(reply, true);
		message.set("usage", startUsage(reply));
		start.set("message", message);
		frames.add(frame(start));
		frames.add(frame(this.nodes.objectNode().put("type", "ping")));
		for (int index = 0; index < reply.content().size(); index++) {
			addBlockFrames(frames, index, reply.content().get(index));
		}
		ObjectNode delta = this.nodes.objectNode().put("type", "message_delta");
		delta.putObject("delta")
			.put("stop_reason", reply.stopReason())
			.putNull("stop_sequence")
			.putNull("stop_details")
			.putNull("container");
		delta.set("usage", usage(reply, false));
		frames.add(frame(delta));
		ObjectNode stop = this.nodes.objectNode().put("type", "message_stop");
		if (routingMetadata) {
			stop.set("openrouter_metadata", reply.openRouterMetadata());
		}
		frames.add(frame(stop));
		frames.add(DONE_FRAME);
		return frames;
	}

	/**
	 * Writes an Anthropic-style error envelope.
	 * @param type the error type, e.g. {@code authentication_error}
	 * @param message the message
	 * @return the JSON body
	 */
	public String error(String type, String message) {
		ObjectNode body = this.nodes.objectNode().put("type", "error");
		body.putObject("error").put("type", type).put("message", message);
		body.putNull("request_id");
		return this.mapper.writeValueAsString(body);
	}

	private ObjectNode message(DemoReply reply, boolean empty) {
		ObjectNode message = this.nodes.objectNode()
			.put("id", reply.id())
			.put("type", "message")
			.put("role", "assistant")
			.putNull("container");
		if (empty) {
			message.putArray("content");
			message.put("model", reply.model()).put("provider", reply.provider()).putNull("stop_reason");
		}
		else {
			message.putArray("content").addAll(reply.content());
			message.put("model", reply.model()).put("provider", reply.provider()).put("stop_reason", reply.stopReason());
		}
		return message.putNull("stop_details").putNull("stop_sequence");
	}

	private ObjectNode startUsage(DemoReply reply) {
		ObjectNode usage = this.nodes.objectNode()
			.put("input_tokens", reply.inputTokens())
			.put("output_tokens", Math.min(1, reply.outputTokens()))
			.put("cache_creation_input_tokens", reply.cacheCreationInputTokens())
			.put("cache_read_input_tokens", reply.cacheReadInputTokens());
		usage.putObject("cache_creation")
			.put("ephemeral_5m_input_tokens", reply.cacheCreationInputTokens())
			.put("ephemeral_1h_input_tokens", 0);
		return usage.put("service_tier", "standard").put("inference_geo", "not_available");
	}

	private ObjectNode usage(DemoReply reply, boolean complete) {
		ObjectNode usage = this.nodes.objectNode()
			.put("input_tokens", reply.inputTokens())
			.put("output_tokens", reply.outputTokens())
			.put("cache_creation_input_tokens", reply.cacheCreationInputTokens())
			.put("cache_read_input_tokens", reply.cacheReadInputTokens());
		if (complete) {
			usage.putObject("cache_creation")
				.put("ephemeral_5m_input_tokens", reply.cacheCreationInputTokens())
				.put("ephemeral_1h_input_tokens", 0);
		}
		if (reply.thinkingTokens() > 0) {
			usage.putObject("output_tokens_details").put("thinking_tokens", reply.thinkingTokens());
		}
		else {
			usage.putNull("output_tokens_details");
		}
		usage.putNull("server_tool_use");
		if (complete) {
			usage.put("service_tier", "standard").put("inference_geo", "not_available");
		}
		return usage.put("cost", reply.cost()).put("is_byok", false);
	}

	private void addBlockFrames(List<String> frames, int index, JsonNode block) {
		String type = block.path("type").asString("");
		ObjectNode initial = this.nodes.objectNode().put("type", type);
		List<ObjectNode> deltas = new ArrayList<>();
		switch (type) {
			case "text":
				initial.put("text", "");
				for (String chunk : chunks(block.path("text").asString(""))) {
					deltas.add(this.nodes.objectNode().put("type", "text_delta").put("text", chunk));
				}
				break;
			case "thinking":
				initial.put("thinking", "").put("signature", "");
				for (String chunk : chunks(block.path("thinking").asString(""))) {
					deltas.add(this.nodes.objectNode().put("type", "thinking_delta").put("thinking", chunk));
				}
				deltas.add(this.nodes.objectNode()
					.put("type", "signature_delta")
					.put("signature", block.path("signature").asString("")));
				break;
			case "tool_use":
				initial.put("id", block.path("id").asString("")).put("name", block.path("name").asString(""));
				initial.putObject("input");
				String json = this.mapper.writeValueAsString(block.path("input"));
				int middle = json.length() / 2;
				deltas.add(this.nodes.objectNode().put("type", "input_json_delta").put("partial_json", ""));
				deltas.add(this.nodes.objectNode()
					.put("type", "input_json_delta")
					.put("partial_json", json.substring(0, middle)));
				deltas.add(this.nodes.objectNode()
					.put("type", "input_json_delta")
					.put("partial_json", json.substring(middle)));
				break;
			default:
				initial = (ObjectNode) block;
				break;
		}
		ObjectNode start = this.nodes.objectNode().put("type", "content_block_start").put("index", index);
		start.set("content_block", initial);
		frames.add(frame(start));
		for (ObjectNode delta : deltas) {
			ObjectNode event = this.nodes.objectNode().put("type", "content_block_delta").put("index", index);
			event.set("delta", delta);
			frames.add(frame(event));
		}
		frames.add(frame(this.nodes.objectNode().put("type", "content_block_stop").put("index", index)));
	}

	private String frame(ObjectNode event) {
		return "event: " + event.path("type").asString("") + "\ndata: " + this.mapper.writeValueAsString(event)
				+ "\n\n";
	}

	/**
	 * Splits a text into deltas of a few words each; concatenated, they give the text back.
	 * @param text the text
	 * @return the chunks, none for an empty text
	 */
	static List<String> chunks(String text) {
		List<String> chunks = new ArrayList<>();
		int start = 0;
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean space = Character.isWhitespace(text.charAt(i));
			if (!space && !inWord) {
				if (words == WORDS_PER_DELTA) {
					chunks.add(text.substring(start, i));
					start = i;
					words = 0;
				}
				words++;
			}
			inWord = !space;
		}
		if (start < text.length()) {
			chunks.add(text.substring(start));
		}
		return chunks;
	}

}
