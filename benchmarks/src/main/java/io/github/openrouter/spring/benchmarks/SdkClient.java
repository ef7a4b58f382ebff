package io.github.openrouter.spring.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;

/**
 * The peer: the Anthropic Java SDK (OkHttp, blocking calls) pointed at the fake server. Concurrent
 * calls run on platform threads, as the blocking SDK requires.
 *
 * @since 0.1.0
 */
public final class SdkClient implements BenchClient {

	private static final AtomicInteger STREAMS = new AtomicInteger();

	private final AnthropicClient client;

	private final Workers workers = new Workers();

	private final MessageCreateParams params = MessageCreateParams.builder()
		.model(Requests.MODEL)
		.maxTokens(Requests.MAX_TOKENS)
		.addUserMessage(Requests.PROMPT)
		.build();

	/**
	 * Creates an SDK client for the fake server.
	 * @param port the fake server's port
	 * @param maxIdleConnections the number of idle connections OkHttp keeps (its default is 5, kept for
	 * 5 minutes)
	 */
	public SdkClient(int port, int maxIdleConnections) {
		this.client = AnthropicOkHttpClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.apiKey("sk-or-bench")
			.maxIdleConnections(maxIdleConnections)
			.keepAliveDuration(Duration.ofMinutes(5))
			.build();
	}

	@Override
	public String name() {
		return "anthropic-sdk";
	}

	@Override
	public long createMany(int total, int concurrency) {
		return this.workers.run(total, concurrency, this::create);
	}

	private int create() {
		Message message = this.client.messages().create(this.params);
		return Requests.checkMessageText(message.content().get(0).asText().text()).length();
	}

	@Override
	public StreamCall streamCall(StreamShape shape) {
		MessageCreateParams.Builder builder = this.params.toBuilder();
		for (Map.Entry<String, String> header : shape.headers().entrySet()) {
			builder.putAdditionalHeader(header.getKey(), header.getValue());
		}
		MessageCreateParams streamParams = builder.build();
		return new StreamCall() {

			@Override
			public void run(StreamListener listener) {
				try (StreamResponse<RawMessageStreamEvent> events = SdkClient.this.client.messages()
					.createStreaming(streamParams)) {
					events.stream()
						.forEach((event) -> event.contentBlockDelta()
							.flatMap((delta) -> delta.delta().text())
							.ifPresent((text) -> listener.onText(text.text())));
				}
				listener.onComplete();
			}

			@Override
			public void start(StreamListener listener) {
				Thread thread = new Thread(() -> {
					try {
						run(listener);
					}
					catch (Throwable ex) {
						listener.onError(ex);
					}
				}, "sdk-stream-" + STREAMS.incrementAndGet());
				thread.setDaemon(true);
				thread.start();
			}

		};
	}

	@Override
	public void close() {
		this.workers.close();
		this.client.close();
	}

}
