package io.github.openrouter.spring.messages.streaming.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.model.stream.UnknownDelta;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StreamEventReader}.
 */
class StreamEventReaderTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final StreamEventReader reader = new StreamEventReader(MAPPER);

	static List<Path> fixtures() {
		return SseFixtures.sseFiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldReadEveryFixtureEventLikeTheModelDeserializer(Path file) {
		List<SseFrame> frames = SseFixtures.frames(file);
		int checked = 0;
		for (SseFrame frame : frames) {
			if (frame.isComment() || frame.dataEquals("[DONE]") || !frame.dataAsString().strip().endsWith("}")) {
				continue;
			}
			StreamEvent expected = MAPPER.readValue(frame.data(), StreamEvent.class);
			assertThat(this.reader.read(frame.data())).as(frame.toString()).isEqualTo(expected);
			checked++;
		}
		assertThat(checked).isPositive();
	}

	@Test
	void shouldReadATextDeltaWhateverThePropertyOrder() {
		StreamEvent expected = new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, 2,
				new TextDelta(TextDelta.TYPE, "hi \u00e9"));
		assertThat(read("{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"text_delta\",\"text\":\"hi \u00e9\"}}"))
			.isEqualTo(expected);
		assertThat(read("{\"delta\":{\"text\":\"hi \u00e9\",\"type\":\"text_delta\"},\"index\":2,\"type\":\"content_block_delta\"}"))
			.isEqualTo(expected);
		ContentBlockDeltaEvent withUnknownFields = (ContentBlockDeltaEvent) read(
				"{\"type\":\"content_block_delta\",\"extra\":[1,{\"a\":2}],\"delta\":{\"type\":\"text_delta\","
						+ "\"future\":{\"x\":[]},\"text\":\"hi \u00e9\"},\"index\":2}");
		assertThat(withUnknownFields.index()).isEqualTo(2);
		assertThat(withUnknownFields.delta()).isInstanceOf(TextDelta.class)
			.extracting((delta) -> ((TextDelta) delta).text())
			.isEqualTo("hi \u00e9");
		assertThat(withUnknownFields.additionalProperties()).containsOnlyKeys("extra");
		assertThat(withUnknownFields.delta().additionalProperties()).containsOnlyKeys("future");
	}

	@Test
	void shouldKeepUnknownEventsAndDeltasAsRawJson() {
		String unknownEvent = "{\"type\":\"future_event\",\"payload\":{\"level\":3},\"list\":[1,null]}";
		StreamEvent event = read(unknownEvent);
		assertThat(event).isInstanceOf(UnknownStreamEvent.class);
		assertThat(MAPPER.writeValueAsString(event)).isEqualTo(unknownEvent);
		StreamEvent withUnknownDelta = read(
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"sparkle_delta\",\"sparkle\":\"*\"}}");
		assertThat(((ContentBlockDeltaEvent) withUnknownDelta).delta()).isInstanceOf(UnknownDelta.class);
		assertThat(MAPPER.writeValueAsString(((ContentBlockDeltaEvent) withUnknownDelta).delta()))
			.isEqualTo("{\"type\":\"sparkle_delta\",\"sparkle\":\"*\"}");
	}

	@Test
	void shouldReadOddlyShapedEventsLikeTheModelDeserializer() {
		for (String json : new String[] { "{\"type\":null,\"x\":1}", "{\"type\":7}", "{\"x\":{\"y\":[true]}}", "{}",
				"{\"type\":\"message_stop\"}", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":null}}",
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"x\":1,\"type\":\"text_delta\",\"text\":\"t\"}}",
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"compaction_delta\",\"content\":null}}" }) {
			assertThat(read(json)).as(json).isEqualTo(MAPPER.readValue(json, StreamEvent.class));
		}
	}

	@Test
	void shouldBindOtherEventsThroughTheirClasses() {
		StreamEvent start = read("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
				+ "\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}");
		assertThat(start).isInstanceOf(ContentBlockStartEvent.class);
		assertThat(((ContentBlockStartEvent) start).contentBlock()).isInstanceOf(ToolUseBlock.class);
		StreamEvent delta = read("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"brand_new\"},\"usage\":{\"output_tokens\":7}}");
		assertThat(((MessageDeltaEvent) delta).delta().stopReason()).isEqualTo(StopReason.of("brand_new"));
		assertThat(((MessageDeltaEvent) delta).usage().outputTokens()).isEqualTo(7);
		StreamEvent ping = read("{\"type\": \"ping\", \"extra\": {\"a\": [1]}}");
		assertThat(ping).isInstanceOf(PingEvent.class);
		assertThat(ping.additionalProperties()).containsOnlyKeys("extra");
	}

	@Test
	void shouldFailWithADecodingErrorOnMalformedJson() {
		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> read("{\"type\":\"content_block_de"));
		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> read("[1,2]"));
		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> read("{\"type\":\"ping\"} {}"));
		assertThatExceptionOfType(OpenRouterDecodingException.class)
			.isThrownBy(() -> read("{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}"))
			.withMessageContaining("index");
		assertThatExceptionOfType(OpenRouterDecodingException.class)
			.isThrownBy(() -> read("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\"}}"))
			.withMessageContaining("text");
		assertThatExceptionOfType(OpenRouterDecodingException.class).isThrownBy(() -> read(""));
	}

	private StreamEvent read(String json) {
		return this.reader.read(json.getBytes(StandardCharsets.UTF_8));
	}

}
