package io.github.openrouter.spring.messages.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * The well-formed and malformed bodies the {@link FaultServer} sends; the text of a call is
 * derived from its id, so a test knows exactly what a successful call must deliver.
 */
final class Replies {

	static final String MODEL = "test/fault-model";

	private Replies() {
	}

	/**
	 * Returns the text deltas the server streams for a call; joined, they are its answer.
	 * @param callId the call id
	 * @return the deltas, 3 to 12 of them
	 */
	static List<String> deltas(String callId) {
		int count = 3 + Math.floorMod(callId.hashCode(), 10);
		List<String> deltas = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			deltas.add("w" + i + "-" + callId + " ");
		}
		return deltas;
	}

	static String text(String callId) {
		return String.join("", deltas(callId));
	}

	static String message(String callId) {
		return "{\"id\":\"msg_" + callId + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL
				+ "\",\"content\":[{\"type\":\"text\",\"text\":\"" + text(callId)
				+ "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
				+ "\"usage\":{\"input_tokens\":3,\"output_tokens\":" + deltas(callId).size() + "}}";
	}

	/**
	 * Returns the SSE events of a complete stream, one string per event.
	 * @param callId the call id
	 * @return the events
	 */
	static List<String> streamEvents(String callId) {
		List<String> events = new ArrayList<>();
		events.add(messageStart(callId));
		events.add(event("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
		events.add(": keep-alive\n\n");
		events.add(event("ping", "{\"type\":\"ping\"}"));
		for (String delta : deltas(callId)) {
			events.add(event("content_block_delta",
					"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + delta
							+ "\"}}"));
		}
		events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
		events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
				+ "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + deltas(callId).size() + "}}"));
		events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
		return events;
	}

	static String messageStart(String callId) {
		return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_" + callId
				+ "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"" + MODEL
				+ "\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}");
	}

	static String event(String name, String data) {
		return "event: " + name + "\ndata: " + data + "\n\n";
	}

	static String error(String type, String message) {
		return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message
				+ "\"},\"request_id\":\"gen-fault\"}";
	}

	static String htmlPage(String title) {
		return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body><h1>" + title
				+ "</h1><p>cloudflare</p></body></html>\n";
	}

}
