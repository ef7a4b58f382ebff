package io.github.openrouter.spring.messages.streaming.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.openrouter.spring.messages.model.internal.RecordCreatorModule;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.UnknownDelta;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every stream event keeps the fields this version does not know, at every level
 * (the event, its message, usage, content block and delta), read by the client's
 * {@link StreamEventReader} or by a plain {@link JsonMapper}, and writes them back.
 */
class StreamEventAdditionalPropertiesTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final String NAME = "x_future_field";

	private static final JsonNode VALUE = PLAIN.readTree("{\"n\":[1,\"two\"]}");

	private static final List<String> EXTRA_EVENTS = List.of(
			"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\",\"citation\":{\"type\":\"char_location\",\"cited_text\":\"a\",\"document_index\":0,\"start_char_index\":0,\"end_char_index\":1}}}",
			"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"compaction_delta\",\"content\":\"summary\"}}",
			"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig\"}}",
			"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}}",
			"{\"type\":\"ping\"}", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}");

	private final StreamEventReader reader = new StreamEventReader(
			JsonMapper.builder().addModule(new RecordCreatorModule()).build());

	@Test
	void shouldKeepUnknownFieldsOfEveryEventAtEveryLevel() {
		Set<String> covered = new TreeSet<>();
		for (String json : events()) {
			JsonNode input = injected(PLAIN.readTree(json));
			byte[] bytes = input.toString().getBytes(StandardCharsets.UTF_8);
			for (StreamEvent event : List.of(this.reader.read(bytes), PLAIN.readValue(bytes, StreamEvent.class))) {
				if (event instanceof UnknownStreamEvent) {
					continue;
				}
				covered.add(event.type() + detail(event));
				assertThat(event.additionalProperties()).as(json).containsEntry(NAME, VALUE);
				assertNested(event, json);
				assertThat(PLAIN.readTree(PLAIN.writeValueAsString(event))).as(json)
					.isEqualTo(injected(PLAIN.readTree(PLAIN.writeValueAsString(PLAIN.readValue(json, StreamEvent.class)))));
			}
		}
		assertThat(covered).contains("message_start", "content_block_start", "content_block_delta/text_delta",
				"content_block_delta/input_json_delta", "content_block_delta/thinking_delta",
				"content_block_delta/signature_delta", "content_block_delta/citations_delta",
				"content_block_delta/compaction_delta", "content_block_stop", "message_delta", "message_stop", "ping",
				"error");
	}

	private static void assertNested(StreamEvent event, String json) {
		if (event instanceof MessageStartEvent start) {
			assertThat(start.message().additionalProperties()).as(json).containsEntry(NAME, VALUE);
			if (start.message().usage() != null) {
				assertThat(start.message().usage().additionalProperties()).as(json).containsEntry(NAME, VALUE);
			}
		}
		else if (event instanceof ContentBlockStartEvent start && !start.contentBlock().additionalProperties().isEmpty()) {
			assertThat(start.contentBlock().additionalProperties()).as(json).containsEntry(NAME, VALUE);
		}
		else if (event instanceof ContentBlockDeltaEvent delta && !(delta.delta() instanceof UnknownDelta)) {
			assertThat(delta.delta().additionalProperties()).as(json).containsEntry(NAME, VALUE);
		}
		else if (event instanceof MessageDeltaEvent delta) {
			if (delta.delta() != null) {
				assertThat(delta.delta().additionalProperties()).as(json).containsEntry(NAME, VALUE);
			}
			if (delta.usage() != null) {
				assertThat(delta.usage().additionalProperties()).as(json).containsEntry(NAME, VALUE);
			}
		}
	}

	private static String detail(StreamEvent event) {
		return (event instanceof ContentBlockDeltaEvent delta) ? "/" + delta.delta().type() : "";
	}

	private static List<String> events() {
		List<String> events = new ArrayList<>(EXTRA_EVENTS);
		for (Path file : SseFixtures.sseFiles()) {
			for (SseFrame frame : SseFixtures.frames(file)) {
				String data = frame.isComment() ? "" : frame.dataAsString().strip();
				if (data.startsWith("{") && data.endsWith("}")) {
					events.add(data);
				}
			}
		}
		return events;
	}

	/** Adds the unknown field to the event and to each object it nests. */
	private static JsonNode injected(JsonNode event) {
		ObjectNode copy = (ObjectNode) event.deepCopy();
		copy.set(NAME, VALUE);
		for (String nested : List.of("message", "content_block", "delta", "usage")) {
			if (copy.get(nested) instanceof ObjectNode object) {
				object.set(NAME, VALUE);
				if (object.get("usage") instanceof ObjectNode usage) {
					usage.set(NAME, VALUE);
				}
			}
		}
		return copy;
	}

}
