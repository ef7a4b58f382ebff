package io.github.openrouter.spring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Loopback fake of OpenRouter's Messages endpoint, answering from precomputed bodies so that it costs
 * the benchmarked client's process nothing.
 *
 * <p>
 * {@code POST /api/v1/messages} (and {@code /v1/messages}, where the Anthropic SDK posts) answers a fixed
 * ~1 KB message, or, when the body asks for {@code "stream": true}, a stream of text deltas shaped by
 * the request headers {@value #DELTAS_HEADER} (default 2000), {@value #INTERVAL_HEADER} (milliseconds
 * between deltas, default 0: the whole body in one write) and {@value #STALL_HEADER} (send that many
 * deltas, then hold the stream open, with a keep-alive comment every 5 s, until
 * {@code POST /control/release}). Run {@link #main} to serve in
 * its own process: it prints {@code PORT=<port>} and stops when its standard input closes.
 *
 * @since 0.1.0
 */
public final class FakeOpenRouterServer implements AutoCloseable {

	/** Header with the number of text deltas of a streamed answer. */
	public static final String DELTAS_HEADER = "x-bench-deltas";

	/** Header with the pause in milliseconds between two streamed deltas. */
	public static final String INTERVAL_HEADER = "x-bench-interval-ms";

	/** Header with the number of deltas after which the stream waits for a release. */
	public static final String STALL_HEADER = "x-bench-stall-after";

	/** Default number of text deltas of a streamed answer. */
	public static final int DEFAULT_DELTAS = 2000;

	/** Number of SSE events of a stream besides its text deltas (start, block start/stop, delta, stop). */
	public static final int FRAMING_EVENTS = 5;

	static final String GENERATION_ID = "gen-bench-0001";

	private static final String[] WORDS = { "The ", "sea ", "is ", "wide, ", "and ", "every ", "wave ",
			"carries ", "a ", "story; ", "listen ", "closely. " };

	private static final byte[] MESSAGE = message();

	private static final byte[] STREAM_HEAD = (event("message_start",
			"{\"type\":\"message_start\",\"message\":{\"id\":\"msg_bench_0001\",\"type\":\"message\",\"role\":\"assistant\","
					+ "\"content\":[],\"model\":\"anthropic/claude-sonnet-4\",\"stop_reason\":null,\"stop_sequence\":null,"
					+ "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}")
			+ event("content_block_start",
					"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"))
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[][] DELTAS = deltas();

	private static final byte[] KEEP_ALIVE = ": OPENROUTER PROCESSING\n\n".getBytes(StandardCharsets.US_ASCII);

	private static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(5);

	private static final Map<Integer, byte[]> TAILS = new ConcurrentHashMap<>();

	private static final Map<List<Integer>, byte[]> PARTS = new ConcurrentHashMap<>();

	private final AtomicReference<Sinks.Empty<Void>> gate = new AtomicReference<>(Sinks.empty());

	private final DisposableServer server;

	private FakeOpenRouterServer(String host, int port) {
		this.server = HttpServer.create()
			.host(host)
			.port(port)
			.route((routes) -> routes.post("/api/v1/messages", this::messages)
				.post("/v1/messages", this::messages)
				.post("/control/release", this::release))
			.bindNow();
	}

	/**
	 * Starts a server in this process on an ephemeral loopback port.
	 * @return the running server
	 */
	public static FakeOpenRouterServer start() {
		return new FakeOpenRouterServer("127.0.0.1", 0);
	}

	/**
	 * Serves in this process until standard input closes; prints {@code PORT=<port>} once bound.
	 * @param args ignored
	 * @throws IOException if standard input cannot be read
	 */
	public static void main(String[] args) throws IOException {
		try (FakeOpenRouterServer server = start()) {
			System.out.println("PORT=" + server.port());
			System.out.flush();
			InputStream in = System.in;
			byte[] buffer = new byte[256];
			while (in.read(buffer) >= 0) {
				// the harness keeps the pipe open while it needs us
			}
		}
	}

	/**
	 * Returns the bound port.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * Returns the number of SSE events of a stream with the given number of text deltas.
	 * @param deltas the number of text deltas
	 * @return the number of events
	 */
	public static int eventsPerStream(int deltas) {
		return deltas + FRAMING_EVENTS;
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
	}

	private Publisher<Void> messages(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap((body) -> {
			if (!isStreaming(body)) {
				return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
					.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(MESSAGE.length))
					.header("x-generation-id", GENERATION_ID)
					.sendObject(Unpooled.wrappedBuffer(MESSAGE))
					.then();
			}
			int deltas = intHeader(request, DELTAS_HEADER, DEFAULT_DELTAS);
			int interval = intHeader(request, INTERVAL_HEADER, 0);
			int stallAfter = intHeader(request, STALL_HEADER, -1);
			response.status(HttpResponseStatus.OK)
				.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
				.header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
				.header("x-generation-id", GENERATION_ID);
			if (interval <= 0 && stallAfter < 0) {
				return response.sendObject(Unpooled.wrappedBuffer(body(deltas))).then();
			}
			return response.send(stream(deltas, interval, stallAfter), (buffer) -> true).then();
		});
	}

	private Publisher<Void> release(HttpServerRequest request, HttpServerResponse response) {
		Sinks.Empty<Void> released = this.gate.getAndSet(Sinks.empty());
		released.tryEmitEmpty();
		return response.status(HttpResponseStatus.NO_CONTENT).send();
	}

	private Flux<ByteBuf> stream(int deltas, int interval, int stallAfter) {
		int split = (stallAfter < 0 || stallAfter > deltas) ? deltas : stallAfter;
		Flux<ByteBuf> waitForRelease = (stallAfter < 0) ? Flux.empty() : stall(this.gate.get().asMono());
		if (interval <= 0) {
			return Flux.concat(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(part(0, split, false))), waitForRelease,
					Mono.fromSupplier(() -> Unpooled.wrappedBuffer(part(split, deltas, true))));
		}
		return Flux.concat(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(STREAM_HEAD)), slowDeltas(0, split, interval),
				waitForRelease, slowDeltas(split, deltas, interval),
				Mono.fromSupplier(() -> Unpooled.wrappedBuffer(tail(deltas))));
	}

	/**
	 * Holds a stream until released, sending a keep-alive comment every few seconds as OpenRouter does,
	 * so that clients' idle timeouts do not fire while the harness waits for every stream to get there.
	 */
	private static Flux<ByteBuf> stall(Mono<Void> released) {
		return Flux.interval(KEEP_ALIVE_INTERVAL)
			.map((tick) -> Unpooled.wrappedBuffer(KEEP_ALIVE))
			.takeUntilOther(released.then(Mono.just(Boolean.TRUE)));
	}

	private static Flux<ByteBuf> slowDeltas(int from, int to, int interval) {
		if (from >= to) {
			return Flux.empty();
		}
		return Flux.interval(Duration.ofMillis(interval))
			.take(to - from)
			.map((i) -> Unpooled.wrappedBuffer(DELTAS[(int) ((from + i) % DELTAS.length)]));
	}

	private static int intHeader(HttpServerRequest request, String name, int fallback) {
		String value = request.requestHeaders().get(name);
		return (value != null) ? Integer.parseInt(value.trim()) : fallback;
	}

	/**
	 * Returns whether a request body asks for a stream, i.e. has {@code "stream"} set to {@code true}.
	 */
	static boolean isStreaming(byte[] body) {
		byte[] key = "\"stream\"".getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i <= body.length - key.length; i++) {
			for (int j = 0; j < key.length; j++) {
				if (body[i + j] != key[j]) {
					continue outer;
				}
			}
			int k = i + key.length;
			while (k < body.length && (body[k] == ' ' || body[k] == ':' || body[k] == '\n' || body[k] == '\r'
					|| body[k] == '\t')) {
				k++;
			}
			return k < body.length && body[k] == 't';
		}
		return false;
	}

	/**
	 * Returns the complete SSE body of a stream with the given number of text deltas.
	 */
	static byte[] body(int deltas) {
		return part(0, deltas, true);
	}

	/**
	 * Returns the deltas {@code [from, to)} of a stream as SSE bytes, with the stream's head when
	 * {@code from} is 0 and its tail when asked.
	 */
	static byte[] part(int from, int to, boolean withTail) {
		return PARTS.computeIfAbsent(List.of(from, to, withTail ? 1 : 0), (key) -> {
			List<byte[]> parts = new ArrayList<>(to - from + 2);
			if (from == 0) {
				parts.add(STREAM_HEAD);
			}
			for (int i = from; i < to; i++) {
				parts.add(DELTAS[i % DELTAS.length]);
			}
			if (withTail) {
				parts.add(tail(to));
			}
			int length = parts.stream().mapToInt((part) -> part.length).sum();
			byte[] body = new byte[length];
			int offset = 0;
			for (byte[] part : parts) {
				System.arraycopy(part, 0, body, offset, part.length);
				offset += part.length;
			}
			return body;
		});
	}

	/**
	 * Returns the text of the answer streamed with the given number of deltas.
	 */
	static String text(int deltas) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < deltas; i++) {
			text.append(WORDS[i % WORDS.length]);
		}
		return text.toString();
	}

	/**
	 * Returns the body of the non-streaming answer.
	 */
	static byte[] message() {
		String json = "{\"id\":\"msg_bench_0001\",\"type\":\"message\",\"role\":\"assistant\","
				+ "\"model\":\"anthropic/claude-sonnet-4\",\"content\":[{\"type\":\"text\",\"text\":\"" + messageText() + "\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
				+ "\"usage\":{\"input_tokens\":25,\"output_tokens\":142,\"cache_creation_input_tokens\":0,"
				+ "\"cache_read_input_tokens\":0,\"service_tier\":\"standard\"},\"provider\":\"Anthropic\"}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Returns the text of the non-streaming answer.
	 */
	static String messageText() {
		StringBuilder text = new StringBuilder();
		int i = 0;
		while (text.length() < 560) {
			text.append(WORDS[i++ % WORDS.length]);
		}
		return text.toString().trim();
	}

	private static byte[][] deltas() {
		byte[][] deltas = new byte[WORDS.length][];
		for (int i = 0; i < WORDS.length; i++) {
			deltas[i] = event("content_block_delta",
					"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + WORDS[i]
							+ "\"}}")
				.getBytes(StandardCharsets.UTF_8);
		}
		return deltas;
	}

	private static byte[] tail(int deltas) {
		return TAILS.computeIfAbsent(deltas, (n) -> (event("content_block_stop",
				"{\"type\":\"content_block_stop\",\"index\":0}")
				+ event("message_delta",
						"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
								+ "\"usage\":{\"output_tokens\":" + n + "}}")
				+ event("message_stop", "{\"type\":\"message_stop\"}"))
			.getBytes(StandardCharsets.UTF_8));
	}

	private static String event(String name, String data) {
		return "event: " + name + "\ndata: " + data + "\n\n";
	}

}
