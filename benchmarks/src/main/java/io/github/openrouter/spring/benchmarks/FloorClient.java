package io.github.openrouter.spring.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: raw Reactor Netty {@link HttpClient} and a plain Jackson 3 mapper doing the same POST,
 * decoding the answer into a tree, and for streams splitting SSE frames and parsing each event's JSON
 * once, reading each body to its end so that connections are reused. Nothing else: no
 * validation, retries, observations or typed model.
 *
 * @since 0.1.0
 */
public final class FloorClient implements BenchClient {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final ConnectionProvider connections;

	private final HttpClient http;

	/**
	 * Creates a floor client for the fake server.
	 * @param port the fake server's port
	 * @param maxConnections the size of the connection pool
	 */
	public FloorClient(int port, int maxConnections) {
		this.connections = ConnectionProvider.builder("floor")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofMinutes(2))
			.build();
		this.http = HttpClient.create(this.connections)
			.baseUrl("http://127.0.0.1:" + port)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer sk-or-bench")
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.ACCEPT, "application/json"));
	}

	@Override
	public String name() {
		return "floor";
	}

	@Override
	public long createMany(int total, int concurrency) {
		return ReactiveCalls.run(total, concurrency, this::create);
	}

	private Mono<Integer> create() {
		return Mono.defer(() -> {
			byte[] body = this.mapper.writeValueAsBytes(Requests.floorRequest(false));
			return this.http.post()
				.uri("/api/v1/messages")
				.send(Mono.just(Unpooled.wrappedBuffer(body)))
				.responseSingle((response, content) -> {
					if (response.status().code() != 200) {
						return Mono.error(new IllegalStateException("HTTP " + response.status()));
					}
					return content.asByteArray();
				})
				.map((bytes) -> {
					JsonNode message = this.mapper.readTree(bytes);
					return Requests.checkMessageText(message.get("content").get(0).get("text").stringValue()).length();
				});
		});
	}

	@Override
	public StreamCall streamCall(StreamShape shape) {
		HttpClient client = this.http.headers((headers) -> {
			headers.set(HttpHeaderNames.ACCEPT, "text/event-stream");
			for (Map.Entry<String, String> header : shape.headers().entrySet()) {
				headers.set(header.getKey(), header.getValue());
			}
		});
		return new StreamCall() {

			@Override
			public void run(StreamListener listener) {
				events(client).doOnNext((event) -> onEvent(event, listener)).blockLast();
				listener.onComplete();
			}

			@Override
			public void start(StreamListener listener) {
				events(client).subscribe((event) -> onEvent(event, listener), listener::onError, listener::onComplete);
			}

		};
	}

	private Flux<JsonNode> events(HttpClient client) {
		return Flux.defer(() -> {
			byte[] body = this.mapper.writeValueAsBytes(Requests.floorRequest(true));
			// read to the body's end, which the fake server sends right after message_stop, so that the
			// connection returns to the pool (a takeUntil at message_stop would cancel the body and
			// close it, and every stream would connect anew)
			return client.post()
				.uri("/api/v1/messages")
				.send(Mono.just(Unpooled.wrappedBuffer(body)))
				.response((response, content) -> {
					if (response.status().code() != 200) {
						return Flux.error(new IllegalStateException("HTTP " + response.status()));
					}
					SseSplitter splitter = new SseSplitter(this.mapper);
					return content.concatMapIterable(splitter::feed);
				});
		});
	}

	private static void onEvent(JsonNode event, StreamListener listener) {
		if ("content_block_delta".equals(event.path("type").stringValue())) {
			JsonNode delta = event.get("delta");
			if ("text_delta".equals(delta.path("type").stringValue())) {
				listener.onText(delta.get("text").stringValue());
			}
		}
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(30));
	}

	/**
	 * Minimal SSE framing over LF-terminated events: collects bytes until a blank line, then parses the
	 * event's {@code data:} line once with Jackson. Enough for the fake server; the starter must do more.
	 */
	static final class SseSplitter {

		private final JsonMapper mapper;

		private byte[] pending = new byte[16 * 1024];

		private int length;

		private int scanned;

		SseSplitter(JsonMapper mapper) {
			this.mapper = mapper;
		}

		List<JsonNode> feed(ByteBuf buffer) {
			int readable = buffer.readableBytes();
			if (this.length + readable > this.pending.length) {
				byte[] grown = new byte[Math.max(this.pending.length * 2, this.length + readable)];
				System.arraycopy(this.pending, 0, grown, 0, this.length);
				this.pending = grown;
			}
			buffer.getBytes(buffer.readerIndex(), this.pending, this.length, readable);
			this.length += readable;
			@Nullable List<JsonNode> events = null;
			int start = 0;
			for (int i = Math.max(this.scanned, 1); i < this.length; i++) {
				if (this.pending[i] == '\n' && this.pending[i - 1] == '\n') {
					JsonNode event = parse(start, i - 1);
					if (event != null) {
						if (events == null) {
							events = new ArrayList<>();
						}
						events.add(event);
					}
					start = i + 1;
				}
			}
			System.arraycopy(this.pending, start, this.pending, 0, this.length - start);
			this.length -= start;
			this.scanned = this.length;
			return (events != null) ? events : List.of();
		}

		private @Nullable JsonNode parse(int from, int to) {
			int line = from;
			while (line < to) {
				int end = line;
				while (end < to && this.pending[end] != '\n') {
					end++;
				}
				if (end - line > 5 && this.pending[line] == 'd' && this.pending[line + 1] == 'a'
						&& this.pending[line + 2] == 't' && this.pending[line + 3] == 'a'
						&& this.pending[line + 4] == ':') {
					int data = line + 5;
					if (this.pending[data] == ' ') {
						data++;
					}
					return this.mapper.readTree(this.pending, data, end - data);
				}
				line = end + 1;
			}
			return null;
		}

	}

}
