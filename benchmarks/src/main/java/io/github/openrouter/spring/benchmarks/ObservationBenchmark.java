package io.github.openrouter.spring.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler;
import io.github.openrouter.spring.messages.observation.internal.MessagesObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH micro-benchmarks of observation without the network: a completed create, and a completed
 * stream of 2,000 text deltas, each observed by {@link MessagesObserver} with the starter's
 * {@link MessagesMeterObservationHandler} over a {@link SimpleMeterRegistry} (the
 * {@code starter-observed} client's set-up), next to the same calls unobserved. Run with
 * {@code -prof gc} for allocation per operation. On a busy machine, where JMH's wall-clock times
 * scatter, {@link #main} measures the calling thread's CPU time and allocation per operation instead.
 *
 * @since 0.1.0
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class ObservationBenchmark {

	private static final String SERVER_ADDRESS = "127.0.0.1";

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final MessageRequest request = MessageRequest.builder()
		.model(Requests.MODEL)
		.maxTokens(Requests.MAX_TOKENS)
		.addUserMessage(Requests.PROMPT)
		.build();

	private final MessageResponse response = this.mapper.readValue(FakeOpenRouterServer.message(),
			MessageResponse.class);

	private final List<StreamEvent> streamEvents = streamEvents(this.mapper);

	private final MessagesObserver observed = new MessagesObserver(observationRegistry(), null, SERVER_ADDRESS, null);

	private final MessagesObserver unobserved = new MessagesObserver(ObservationRegistry.NOOP, null, SERVER_ADDRESS,
			null);

	/**
	 * A completed create, observed with meters recorded.
	 * @return the response
	 */
	@Benchmark
	public MessageResponse createObserved() {
		return this.observed.observeCreate(this.request, Mono.just(this.response)).block();
	}

	/**
	 * A completed create, unobserved (the baseline: {@code Mono.just(response).block()}).
	 * @return the response
	 */
	@Benchmark
	public MessageResponse createUnobserved() {
		return this.unobserved.observeCreate(this.request, Mono.just(this.response)).block();
	}

	/**
	 * A completed stream of 2,000 text deltas, observed with meters recorded.
	 * @return the last event
	 */
	@Benchmark
	public StreamEvent streamObserved() {
		return this.observed.observeStream(this.request, Flux.fromIterable(this.streamEvents)).blockLast();
	}

	/**
	 * A completed stream of 2,000 text deltas, unobserved (the baseline).
	 * @return the last event
	 */
	@Benchmark
	public StreamEvent streamUnobserved() {
		return this.unobserved.observeStream(this.request, Flux.fromIterable(this.streamEvents)).blockLast();
	}

	/**
	 * Measures the four operations by the calling thread's CPU time and allocated bytes, which a
	 * busy machine disturbs far less than wall-clock time: ten rounds of 100,000 creates and 200
	 * streams each (the first five rounds warm up).
	 * @param args ignored
	 */
	public static void main(String[] args) {
		ObservationBenchmark benchmark = new ObservationBenchmark();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		Object sink = null;
		for (int round = 1; round <= 10; round++) {
			StringBuilder line = new StringBuilder("round " + round + ":");
			for (String name : List.of("createObserved", "createUnobserved", "streamObserved", "streamUnobserved")) {
				int calls = name.startsWith("create") ? 100_000 : 200;
				long cpu = threads.getCurrentThreadCpuTime();
				long allocated = threads.getCurrentThreadAllocatedBytes();
				for (int i = 0; i < calls; i++) {
					switch (name) {
						case "createObserved" -> sink = benchmark.createObserved();
						case "createUnobserved" -> sink = benchmark.createUnobserved();
						case "streamObserved" -> sink = benchmark.streamObserved();
						default -> sink = benchmark.streamUnobserved();
					}
				}
				line.append(String.format("  %s %.0f ns %d B", name,
						(threads.getCurrentThreadCpuTime() - cpu) / (double) calls,
						(threads.getCurrentThreadAllocatedBytes() - allocated) / calls));
			}
			System.out.println(line);
		}
		System.out.println((sink != null) ? "" : "no result");
	}

	private static ObservationRegistry observationRegistry() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new MessagesMeterObservationHandler(new SimpleMeterRegistry()));
		return registry;
	}

	/**
	 * Decodes the fake server's 2,000-delta stream into events (its {@code data:} lines, one event each).
	 */
	private static List<StreamEvent> streamEvents(JsonMapper mapper) {
		String body = new String(FakeOpenRouterServer.body(FakeOpenRouterServer.DEFAULT_DELTAS),
				StandardCharsets.UTF_8);
		List<StreamEvent> events = new ArrayList<>();
		for (String line : body.split("\n")) {
			if (line.startsWith("data: ")) {
				events.add(mapper.readValue(line.substring(6), StreamEvent.class));
			}
		}
		return events;
	}

}
