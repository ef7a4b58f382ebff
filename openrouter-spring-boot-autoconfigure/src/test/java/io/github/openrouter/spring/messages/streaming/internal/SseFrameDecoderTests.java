package io.github.openrouter.spring.messages.streaming.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.openrouter.spring.messages.streaming.SseFrameTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SseFrameDecoder}.
 */
class SseFrameDecoderTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	static List<Path> fixtures() {
		return SseFixtures.sseFiles();
	}

	@Test
	void shouldFindAllFixtures() {
		List<String> names = fixtures().stream().map(SseFixtures::name).toList();
		assertThat(names).contains("anthropic-sdk-python/basic_response.sse",
				"anthropic-sdk-python/tool_use_response.sse", "anthropic-sdk-python/refusal_response.sse",
				"synthetic-openrouter/SYNTHETIC-crlf-line-endings.sse",
				"synthetic-openrouter/SYNTHETIC-midstream-error.sse",
				"synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse",
				"streaming-quirks/cr-only-line-endings.sse");
		assertThat(names).hasSizeGreaterThanOrEqualTo(30);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldDecodeEveryFixtureIntoJsonEventsWithAType(Path file) {
		List<SseFrame> frames = decode(List.of(SseFixtures.read(file)));
		List<SseFrame> events = frames.stream().filter((frame) -> !frame.isComment()).toList();
		assertThat(events).isNotEmpty();
		boolean truncatedInsideFrame = SseFixtures.name(file).endsWith("truncated-mid-frame.sse");
		for (int i = 0; i < events.size(); i++) {
			SseFrame frame = events.get(i);
			if (frame.dataEquals("[DONE]")) {
				continue;
			}
			if (truncatedInsideFrame && i == events.size() - 1) {
				assertThat(frame.dataAsString()).doesNotEndWith("}");
				continue;
			}
			JsonNode json = MAPPER.readTree(frame.data());
			assertThat(json.path("type").isString()).as("type of %s", frame).isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldGiveTheSameFramesWhereverTheBytesAreSplit(Path file) {
		byte[] bytes = SseFixtures.read(file);
		List<SseFrame> expected = decode(List.of(bytes));
		for (int offset = 0; offset <= bytes.length; offset++) {
			assertThat(decode(SseFixtures.splitAt(bytes, offset))).as("split at %d", offset).isEqualTo(expected);
		}
		for (int size = 1; size <= 16; size++) {
			assertThat(decode(SseFixtures.fixedChunks(bytes, size))).as("chunks of %d", size).isEqualTo(expected);
		}
		Random random = new Random(20261126L);
		for (int round = 0; round < 50; round++) {
			assertThat(decode(SseFixtures.randomChunks(bytes, random, 64))).as("random round %d", round)
				.isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldGiveTheSameFramesFromHeapAndDirectDataBuffers(Path file) {
		byte[] bytes = SseFixtures.read(file);
		List<SseFrame> expected = decode(List.of(bytes));
		for (boolean direct : new boolean[] { false, true }) {
			DefaultDataBufferFactory factory = new DefaultDataBufferFactory(direct);
			SseFrameDecoder decoder = new SseFrameDecoder();
			List<SseFrame> frames = new ArrayList<>();
			for (byte[] chunk : SseFixtures.fixedChunks(bytes, 7)) {
				DataBuffer buffer = factory.wrap(chunk);
				frames.addAll(decoder.decode(buffer));
				assertThat(buffer.readableByteCount()).isEqualTo(chunk.length);
			}
			frames.addAll(decoder.finish());
			assertThat(frames).as("direct=%s", direct).isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldNotUseTheBytesOfAChunkAfterDecodingIt(Path file) {
		byte[] bytes = SseFixtures.read(file);
		List<SseFrame> expected = decode(List.of(bytes));
		for (int size : new int[] { 1, 2, 3, 7, 64, 300 }) {
			SseFrameDecoder decoder = new SseFrameDecoder();
			List<SseFrame> frames = new ArrayList<>();
			SseFrameDecoder.Handler handler = copyingHandler(frames);
			byte[] reused = new byte[size + 10];
			for (byte[] chunk : SseFixtures.fixedChunks(bytes, size)) {
				System.arraycopy(chunk, 0, reused, 5, chunk.length);
				decoder.decode(reused, 5, chunk.length, handler);
				Arrays.fill(reused, (byte) 'X');
			}
			decoder.finish(handler);
			assertThat(frames).as("chunks of %d", size).isEqualTo(expected);
		}
	}

	@Test
	void shouldHandOverTheDataOfAFrameWithinOneChunkWithoutCopyingIt() {
		byte[] chunk = bytes("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
		List<byte[]> arrays = new ArrayList<>();
		List<String> names = new ArrayList<>();
		new SseFrameDecoder().decode(chunk, 0, chunk.length, new SseFrameDecoder.Handler() {

			@Override
			public void onEvent(String event, byte[] data, int offset, int length, String id) {
				arrays.add(data);
				names.add(event);
				assertThat(new String(data, offset, length, StandardCharsets.UTF_8))
					.isEqualTo("{\"type\":\"message_stop\"}");
			}

			@Override
			public void onComment(String comment) {
			}

		});
		assertThat(arrays).singleElement().isSameAs(chunk);
		assertThat(names).containsExactly("message_stop");
	}

	@Test
	void shouldFindLineEndsLikeAByteByByteScan() {
		Random random = new Random(20261126L);
		byte[] alphabet = { 'a', '{', ':', ' ', '\n', '\r', (byte) 0x8A, (byte) 0x8D, (byte) 0xFF, 0, 0x0B, 0x0C };
		for (int round = 0; round < 2000; round++) {
			byte[] bytes = new byte[random.nextInt(40)];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (random.nextInt(8) == 0) ? alphabet[random.nextInt(alphabet.length)]
						: alphabet[random.nextInt(4)];
			}
			int from = random.nextInt(bytes.length + 1);
			int to = from + random.nextInt(bytes.length - from + 1);
			int expected = -1;
			for (int i = from; i < to && expected < 0; i++) {
				if (bytes[i] == '\n' || bytes[i] == '\r') {
					expected = i;
				}
			}
			assertThat(SseFrameDecoder.indexOfLineEnd(bytes, from, to)).as("round %d", round).isEqualTo(expected);
		}
	}

	@Test
	void shouldJoinMultipleDataLinesWithLineFeed() {
		List<SseFrame> frames = decode("event: x\ndata: {\"a\":\ndata:1}\ndata:\n\n");
		assertThat(frames).containsExactly(SseFrame.event("x", bytes("{\"a\":\n1}\n"), null));
	}

	@Test
	void shouldAcceptLfCrlfAndCrLineEndings() {
		List<SseFrame> expected = List.of(SseFrame.event("a", bytes("1"), null), SseFrame.event("b", bytes("2"), null));
		assertThat(decode("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n")).isEqualTo(expected);
		assertThat(decode("event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n")).isEqualTo(expected);
		assertThat(decode("event: a\rdata: 1\r\revent: b\rdata: 2\r\r")).isEqualTo(expected);
	}

	@Test
	void shouldMatchOnlyWholeKnownEventNamesWhateverTheLineEndingAndBytes() {
		List<String> names = List.of("message_stop", "message_sto", "message_stopx", "message_start", "ping", "pin",
				"pingé", "érror", "error", "content_block_delta", "content_block_deltä");
		for (String ending : List.of("\n", "\r\n", "\r")) {
			StringBuilder stream = new StringBuilder();
			names.forEach((name) -> stream.append("event: ").append(name).append(ending).append("data: 1").append(ending)
				.append(ending));
			List<SseFrame> frames = new ArrayList<>(decode(stream.toString()));
			// the same stream in chunks of 5 bytes, so that names are split across chunks
			byte[] whole = bytes(stream.toString());
			List<byte[]> chunks = new ArrayList<>();
			for (int i = 0; i < whole.length; i += 5) {
				chunks.add(java.util.Arrays.copyOfRange(whole, i, Math.min(whole.length, i + 5)));
			}
			frames.addAll(decode(chunks));
			List<String> expected = new ArrayList<>(names);
			expected.addAll(names);
			assertThat(frames).extracting(SseFrame::event).as(ending).isEqualTo(expected);
		}
	}

	@Test
	void shouldTreatCrAtTheEndOfAChunkAndLfAtTheStartOfTheNextAsOneLineEnding() {
		SseFrameDecoder decoder = new SseFrameDecoder();
		assertThat(feed(decoder, "data: 1\r")).isEmpty();
		assertThat(feed(decoder, "\n")).isEmpty();
		assertThat(feed(decoder, "data: 2\r")).isEmpty();
		assertThat(feed(decoder, "\n\r")).containsExactly(SseFrame.event(null, bytes("1\n2"), null));
		assertThat(feed(decoder, "\ndata: 3\r\r")).containsExactly(SseFrame.event(null, bytes("3"), null));
		assertThat(feed(decoder, "\n")).isEmpty();
		assertThat(decoder.hasPendingData()).isFalse();
	}

	@Test
	void shouldReportCommentsWithoutOneLeadingSpace() {
		assertThat(decode(": OPENROUTER PROCESSING\n\n:raw\n:  two\n:\n\n")).containsExactly(
				SseFrame.comment("OPENROUTER PROCESSING"), SseFrame.comment("raw"), SseFrame.comment(" two"),
				SseFrame.comment(""));
	}

	@Test
	void shouldKeepAnEventWhoseLinesAreInterruptedByAComment() {
		assertThat(decode("event: a\n: keep-alive\ndata: 1\n\n")).containsExactly(SseFrame.comment("keep-alive"),
				SseFrame.event("a", bytes("1"), null));
	}

	@Test
	void shouldRemoveOnlyOneSpaceAfterTheColon() {
		assertThat(decode("event:a\ndata:x\n\nevent:  b\ndata:   y \n\n")).containsExactly(
				SseFrame.event("a", bytes("x"), null), SseFrame.event(" b", bytes("  y "), null));
	}

	@Test
	void shouldIgnoreRetryUnknownFieldsAndEventsWithoutData() {
		assertThat(decode("retry: 10\nfoo: bar\nnocolon\n\nevent: lonely\n\ndata: 1\n\n"))
			.containsExactly(SseFrame.event(null, bytes("1"), null));
	}

	@Test
	void shouldKeepTheLastIdAcrossEvents() {
		assertThat(decode("id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: x\0y\ndata: d\n\n")).containsExactly(
				SseFrame.event(null, bytes("a"), "7"), SseFrame.event(null, bytes("b"), "7"),
				SseFrame.event(null, bytes("c"), ""), SseFrame.event(null, bytes("d"), ""));
	}

	@Test
	void shouldDispatchALastEventWithoutBlankLineOnFinish() {
		SseFrameDecoder decoder = new SseFrameDecoder();
		byte[] bytes = bytes("data: 1\n\nevent: end\ndata: 2");
		assertThat(decoder.decode(bytes, 0, bytes.length)).containsExactly(SseFrame.event(null, bytes("1"), null));
		assertThat(decoder.hasPendingData()).isTrue();
		assertThat(decoder.finish()).containsExactly(SseFrame.event("end", bytes("2"), null));
		assertThat(decoder.hasPendingData()).isFalse();
		assertThat(decoder.finish()).isEmpty();
	}

	@Test
	void shouldStripAByteOrderMarkOnlyAtTheStart() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = bytes("data: 1\n\n");
		byte[] stream = new byte[bom.length * 2 + body.length * 2];
		System.arraycopy(bom, 0, stream, 0, 3);
		System.arraycopy(body, 0, stream, 3, body.length);
		System.arraycopy(bom, 0, stream, 3 + body.length, 3);
		System.arraycopy(body, 0, stream, 6 + body.length, body.length);
		List<SseFrame> frames = decode(List.of(stream));
		// a BOM later in the stream is part of a field name that nobody knows, so it is ignored
		assertThat(frames).containsExactly(SseFrame.event(null, bytes("1"), null));
		for (int offset = 0; offset <= stream.length; offset++) {
			assertThat(decode(SseFixtures.splitAt(stream, offset))).isEqualTo(frames);
		}
	}

	@Test
	void shouldKeepMultiByteCharactersSplitAcrossChunks() {
		byte[] stream = "event: ünïcødé\ndata: {\"text\":\"Grüße 日本語 🎉\"}\n\n".getBytes(StandardCharsets.UTF_8);
		List<SseFrame> expected = List.of(SseFrame.event("ünïcødé",
				"{\"text\":\"Grüße 日本語 🎉\"}".getBytes(StandardCharsets.UTF_8), null));
		for (int offset = 0; offset <= stream.length; offset++) {
			assertThat(decode(SseFixtures.splitAt(stream, offset))).isEqualTo(expected);
		}
		assertThat(decode(SseFixtures.fixedChunks(stream, 1))).isEqualTo(expected);
	}

	@Test
	void shouldFailWithATypedErrorWhenOneFrameExceedsTheLimit() {
		SseFrameDecoder lines = new SseFrameDecoder(64);
		byte[] manyLines = bytes("data: 0123456789\n".repeat(7));
		assertThatExceptionOfType(SseFrameTooLargeException.class)
			.isThrownBy(() -> lines.decode(manyLines, 0, manyLines.length))
			.withMessageContaining("maxFrameBytes=64")
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(64));

		SseFrameDecoder oneLine = new SseFrameDecoder(64);
		byte[] chunk = bytes("data: " + "x".repeat(40));
		oneLine.decode(chunk, 0, chunk.length);
		assertThatExceptionOfType(SseFrameTooLargeException.class)
			.isThrownBy(() -> oneLine.decode(chunk, 0, chunk.length));

		SseFrameDecoder singleChunk = new SseFrameDecoder(64);
		byte[] longLine = bytes(": " + "x".repeat(100) + "\n");
		assertThatExceptionOfType(SseFrameTooLargeException.class)
			.isThrownBy(() -> singleChunk.decode(longLine, 0, longLine.length));
	}

	@Test
	void shouldAcceptFramesUpToTheLimitAndResetBetweenFrames() {
		SseFrameDecoder decoder = new SseFrameDecoder(64);
		byte[] frame = bytes("data: " + "x".repeat(50) + "\n\n");
		for (int i = 0; i < 100; i++) {
			assertThat(decoder.decode(frame, 0, frame.length)).hasSize(1);
		}
	}

	@Test
	void shouldDecodeTheCarriageReturnOnlyFixtureIntoTheExpectedFrames() {
		List<SseFrame> frames = decode(List.of(SseFixtures.read("streaming-quirks/cr-only-line-endings.sse")));
		assertThat(frames).first().isEqualTo(SseFrame.comment("OPENROUTER PROCESSING"));
		assertThat(frames).extracting(SseFrame::event)
			.containsExactly(null, "message_start", "content_block_start", "content_block_delta",
					"content_block_delta", "content_block_delta", "content_block_stop", "message_delta",
					"message_stop");
	}

	@Test
	void shouldDecodeTheFieldVariantsFixture() {
		List<SseFrame> frames = decode(List.of(SseFixtures.read("streaming-quirks/field-variants-id-retry-unknown.sse")));
		assertThat(frames).extracting(SseFrame::event)
			.containsExactly("message_start", null, "content_block_start", "content_block_delta",
					"content_block_stop", "message_delta", "message_stop");
		assertThat(frames).extracting(SseFrame::id)
			.containsExactly("evt-1", null, "evt-1", "evt-2", "evt-2", "evt-2", "");
		assertThat(frames.get(1)).isEqualTo(SseFrame.comment("no space after this colon"));
		assertThat(frames.get(2).dataAsString()).startsWith(" {\"type\":\"content_block_start\"");
	}

	@Test
	void shouldDecodeTheMultiLineDataFixture() {
		List<SseFrame> frames = decode(List.of(SseFixtures.read("streaming-quirks/multi-line-data.sse")));
		assertThat(frames.get(2).dataAsString()).isEqualTo("{\n\"type\":\"content_block_delta\",\n\"index\":0,\n"
				+ "\"delta\":{\"type\":\"text_delta\",\"text\":\"Line one\\nline two\"}\n}");
	}

	@Test
	void shouldDecodeTheTrailingDoneSentinel() {
		List<SseFrame> frames = decode(
				List.of(SseFixtures.read("synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse")));
		assertThat(frames).last().isEqualTo(SseFrame.event("data", bytes("[DONE]"), null));
		assertThat(frames).filteredOn(SseFrame::isComment).hasSize(2);
	}

	private static List<SseFrame> decode(String text) {
		return decode(List.of(bytes(text)));
	}

	private static List<SseFrame> decode(List<byte[]> chunks) {
		SseFrameDecoder decoder = new SseFrameDecoder();
		List<SseFrame> frames = new ArrayList<>();
		for (byte[] chunk : chunks) {
			frames.addAll(decoder.decode(chunk, 0, chunk.length));
		}
		frames.addAll(decoder.finish());
		return frames;
	}

	private static SseFrameDecoder.Handler copyingHandler(List<SseFrame> frames) {
		return new SseFrameDecoder.Handler() {

			@Override
			public void onEvent(String event, byte[] data, int offset, int length, String id) {
				frames.add(SseFrame.event(event, Arrays.copyOfRange(data, offset, offset + length), id));
			}

			@Override
			public void onComment(String comment) {
				frames.add(SseFrame.comment(comment));
			}

		};
	}

	private static List<SseFrame> feed(SseFrameDecoder decoder, String text) {
		byte[] bytes = bytes(text);
		return decoder.decode(bytes, 0, bytes.length);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
