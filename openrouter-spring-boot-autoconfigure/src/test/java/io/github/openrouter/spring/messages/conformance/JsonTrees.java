package io.github.openrouter.spring.messages.conformance;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON helpers for round-trip comparisons with a plain Jackson 3 {@link JsonMapper}.
 */
final class JsonTrees {

	static final JsonMapper mapper = JsonMapper.builder().build();

	private JsonTrees() {
	}

	/**
	 * Serializes a value to JSON text and reads the text back as a tree, so numbers compare as
	 * they appear on the wire (a {@code BigDecimal} 100 and a parsed 100 are different nodes).
	 * @param value the value
	 * @return the tree of its JSON text
	 */
	static JsonNode wire(Object value) {
		return mapper.readTree(mapper.writeValueAsString(value));
	}

	/**
	 * Returns a copy without object fields whose value is {@code null}, at any depth: the one
	 * normalisation round-trip comparisons apply, because "absent" and "null" mean the same for
	 * optional fields and the model writes some nulls (spec-required nullable fields) and
	 * leaves others out.
	 * @param node the tree
	 * @return the normalised copy
	 */
	static JsonNode withoutNulls(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = mapper.createObjectNode();
			for (String name : node.propertyNames()) {
				JsonNode value = node.get(name);
				if (!value.isNull()) {
					copy.set(name, withoutNulls(value));
				}
			}
			return copy;
		}
		if (node.isArray()) {
			ArrayNode copy = mapper.createArrayNode();
			for (JsonNode item : node) {
				copy.add(withoutNulls(item));
			}
			return copy;
		}
		return node;
	}

	/**
	 * Extracts the {@code data} payloads of an SSE body (LF, CRLF or CR line ends; multi-line
	 * data joined with {@code \n}; comments and {@code [DONE]} skipped).
	 * @param body the SSE text
	 * @return the JSON payloads in order
	 */
	static List<String> sseData(String body) {
		List<String> payloads = new ArrayList<>();
		StringBuilder data = null;
		for (String line : body.split("\r\n|\r|\n", -1)) {
			if (line.isEmpty()) {
				data = flush(data, payloads);
			}
			else if (line.startsWith("data:")) {
				String value = line.substring(5);
				value = value.startsWith(" ") ? value.substring(1) : value;
				data = (data == null) ? new StringBuilder(value) : data.append('\n').append(value);
			}
		}
		flush(data, payloads);
		return payloads;
	}

	private static StringBuilder flush(StringBuilder data, List<String> payloads) {
		if (data != null && !data.toString().trim().equals("[DONE]")) {
			payloads.add(data.toString());
		}
		return null;
	}

}
