package io.github.openrouter.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.internal.RecordCreatorModule;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH micro-benchmarks of the decoding hot path without the network: the ~1 KB answer into the typed
 * model (also with the block's discriminator last, the buffered path, and with a plain mapper
 * without the client's {@link RecordCreatorModule}) versus a tree, one text-delta
 * event likewise, and a 2,000-delta stream cut into 8 KiB chunks into typed events through the
 * public client versus JSON trees through the floor's splitter. Run with {@code -prof gc} for
 * allocation per operation.
 *
 * <p>
 * {@link RecordCreatorModule} is internal; it is the one internal class a benchmark uses, because
 * the with-and-without figures are what keep it (benchmarks/README.md, "Decoding after issue 15").
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

	private final List<byte[]> streamChunks = InMemoryConnector
		.chunks(FakeOpenRouterServer.body(FakeOpenRouterServer.DEFAULT_DELTAS));

	private final ReactiveMessagesClient streamClient = MessagesClient.builder()
		.baseUrl("http://127.0.0.1:1/api/v1")
		.apiKey("sk-or-bench")
		.clientConnector(InMemoryConnector.eventStream(FakeOpenRouterServer.body(FakeOpenRouterServer.DEFAULT_DELTAS)))
		.buildReactive();

	private final MessageRequest request = Requests.starterRequest();

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
	 * SSE framing and one typed event per frame of a whole 2,000-delta stream, through the public
	 * reactive client over an {@link InMemoryConnector} that hands the body over in 8 KiB chunks
	 * (what a reactive stream runs per chunk, without the network; the call's own work is
	 * {@link CallOverheadBenchmark}'s).
	 * @param blackhole sink for the events
	 */
	@Benchmark
	public void streamEventsStarter(Blackhole blackhole) {
		blackhole.consume(this.streamClient.stream(this.request).doOnNext(blackhole::consume).count().block());
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

}
