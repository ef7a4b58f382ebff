package io.github.openrouter.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.internal.RecordCreatorModule;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.streaming.internal.SseFrame;
import io.github.openrouter.spring.messages.streaming.internal.SseFrameDecoder;
import io.github.openrouter.spring.messages.streaming.internal.StreamEventDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH micro-benchmarks of the decoding hot path without the network: the ~1 KB answer into the typed
 * model (also with the block's discriminator last, the buffered path, and with a plain mapper
 * without the client's {@link RecordCreatorModule}) versus a tree, one text-delta
 * event likewise, and SSE framing of a 2,000-delta stream cut into 8 KiB chunks (the starter's
 * {@link SseFrameDecoder} versus the floor's splitter). Run with {@code -prof gc} for allocation per
 * operation.
 *
 * @since 0.1.0
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class DecodeBenchmark {

	private static final int CHUNK = 8 * 1024;

	/** The client's mapper: with the {@link RecordCreatorModule}. */
	private final JsonMapper mapper = JsonMapper.builder().addModule(new RecordCreatorModule()).build();

	/** A plain mapper, which creates records Jackson's own way. */
	private final JsonMapper plainMapper = JsonMapper.builder().build();

	private final byte[] message = FakeOpenRouterServer.message();

	private final byte[] messageTypeLast = new String(this.message, StandardCharsets.UTF_8)
		.replace("{\"type\":\"text\",\"text\":\"" + FakeOpenRouterServer.messageText() + "\"}",
				"{\"text\":\"" + FakeOpenRouterServer.messageText() + "\",\"type\":\"text\"}")
		.getBytes(StandardCharsets.UTF_8);

	private final byte[] deltaEvent = ("{\"type\":\"content_block_delta\",\"index\":0,"
			+ "\"delta\":{\"type\":\"text_delta\",\"text\":\"carries \"}}")
		.getBytes(StandardCharsets.UTF_8);

	private final StreamEventDecoder streamDecoder = new StreamEventDecoder(this.mapper);

	private final List<byte[]> streamChunks = chunks(FakeOpenRouterServer.body(FakeOpenRouterServer.DEFAULT_DELTAS));

	/**
	 * The non-streaming answer into the starter's typed model.
	 * @return the decoded message
	 */
	@Benchmark
	public MessageResponse messageIntoModel() {
		return this.mapper.readValue(this.message, MessageResponse.class);
	}

	/**
	 * The non-streaming answer into the typed model with a plain mapper (no
	 * {@link RecordCreatorModule}).
	 * @return the decoded message
	 */
	@Benchmark
	public MessageResponse messageIntoModelPlainMapper() {
		return this.plainMapper.readValue(this.message, MessageResponse.class);
	}

	/**
	 * The same answer with the content block's {@code type} after its text, which sends the block
	 * through the union deserializer's buffered path (never so on the wire; shows what it costs).
	 * @return the decoded message
	 */
	@Benchmark
	public MessageResponse messageTypeLastIntoModel() {
		return this.mapper.readValue(this.messageTypeLast, MessageResponse.class);
	}

	/**
	 * The non-streaming answer into a Jackson tree (the floor).
	 * @return the decoded tree
	 */
	@Benchmark
	public JsonNode messageIntoTree() {
		return this.mapper.readTree(this.message);
	}

	/**
	 * One text-delta event's JSON into the starter's typed event.
	 * @return the decoded event
	 */
	@Benchmark
	public StreamEvent deltaEventIntoModel() {
		return this.mapper.readValue(this.deltaEvent, StreamEvent.class);
	}

	/**
	 * One text-delta event's JSON into the typed event with a plain mapper (no
	 * {@link RecordCreatorModule}).
	 * @return the decoded event
	 */
	@Benchmark
	public StreamEvent deltaEventIntoModelPlainMapper() {
		return this.plainMapper.readValue(this.deltaEvent, StreamEvent.class);
	}

	/**
	 * One text-delta event's JSON into a Jackson tree (the floor).
	 * @return the decoded tree
	 */
	@Benchmark
	public JsonNode deltaEventIntoTree() {
		return this.mapper.readTree(this.deltaEvent);
	}

	/**
	 * SSE framing of a whole 2,000-delta stream with the starter's frame decoder (no JSON).
	 * @param blackhole sink for the frames
	 */
	@Benchmark
	public void streamFramesStarter(Blackhole blackhole) {
		SseFrameDecoder decoder = new SseFrameDecoder();
		for (byte[] chunk : this.streamChunks) {
			DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(chunk);
			List<SseFrame> frames = decoder.decode(buffer);
			for (int i = 0; i < frames.size(); i++) {
				blackhole.consume(frames.get(i));
			}
		}
		blackhole.consume(decoder.finish());
	}

	/**
	 * SSE framing of a whole 2,000-delta stream with the starter's frame decoder handing each
	 * frame's bytes over in place, as the starter's streams use it (no JSON).
	 * @param blackhole sink for the frames
	 */
	@Benchmark
	public void streamFramesStarterInPlace(Blackhole blackhole) {
		SseFrameDecoder decoder = new SseFrameDecoder();
		SseFrameDecoder.Handler handler = new SseFrameDecoder.Handler() {

			@Override
			public void onEvent(@Nullable String event, byte[] data, int offset, int length, @Nullable String id) {
				blackhole.consume(event);
				blackhole.consume(data);
				blackhole.consume(offset + length);
			}

			@Override
			public void onComment(String comment) {
				blackhole.consume(comment);
			}

		};
		for (byte[] chunk : this.streamChunks) {
			decoder.decode(DefaultDataBufferFactory.sharedInstance.wrap(chunk), handler);
		}
		decoder.finish(handler);
	}

	/**
	 * SSE framing and one typed event per frame of a whole 2,000-delta stream with the starter's
	 * {@link StreamEventDecoder} (what a reactive stream runs per chunk, without the network).
	 * @param blackhole sink for the events
	 */
	@Benchmark
	public void streamEventsStarter(Blackhole blackhole) {
		Flux<DataBuffer> body = Flux.fromIterable(this.streamChunks).map(DefaultDataBufferFactory.sharedInstance::wrap);
		blackhole.consume(this.streamDecoder.decode(body, null).doOnNext(blackhole::consume).count().block());
	}

	/**
	 * SSE framing and one JSON tree per event of a whole 2,000-delta stream with the floor's splitter.
	 * @param blackhole sink for the events
	 */
	@Benchmark
	public void streamEventsFloor(Blackhole blackhole) {
		FloorClient.SseSplitter splitter = new FloorClient.SseSplitter(this.mapper);
		for (byte[] chunk : this.streamChunks) {
			ByteBuf buffer = Unpooled.wrappedBuffer(chunk);
			List<JsonNode> events = splitter.feed(buffer);
			for (int i = 0; i < events.size(); i++) {
				blackhole.consume(events.get(i));
			}
		}
	}

	private static List<byte[]> chunks(byte[] body) {
		List<byte[]> chunks = new ArrayList<>();
		for (int offset = 0; offset < body.length; offset += CHUNK) {
			int length = Math.min(CHUNK, body.length - offset);
			byte[] chunk = new byte[length];
			System.arraycopy(body, offset, chunk, 0, length);
			chunks.add(chunk);
		}
		return chunks;
	}

}
