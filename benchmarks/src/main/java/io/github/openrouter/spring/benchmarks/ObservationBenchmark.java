package io.github.openrouter.spring.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler;
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

/**
 * JMH micro-benchmarks of observation without the network: a create, and a stream of 2,000 text
 * deltas, through the public reactive client over an {@link InMemoryConnector}, once with an
 * {@link ObservationRegistry} that has the starter's {@link MessagesMeterObservationHandler} over a
 * {@link SimpleMeterRegistry} (the {@code starter-observed} client's set-up) and once without
 * observation. The cost of observation is the difference; each figure also holds the client's own
 * work per call ({@link CallOverheadBenchmark}). Run with {@code -prof gc} for allocation per
 * operation. On a busy machine, where JMH's wall-clock times scatter, {@link #main} measures the
 * calling thread's CPU time and allocation per operation instead.
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

	private final MessageRequest request = Requests.starterRequest();

	private final ReactiveMessagesClient createObserved = client(InMemoryConnector.json(FakeOpenRouterServer.message()),
			observationRegistry());

	private final ReactiveMessagesClient createUnobserved = client(
			InMemoryConnector.json(FakeOpenRouterServer.message()), ObservationRegistry.NOOP);

	private final ReactiveMessagesClient streamObserved = client(InMemoryConnector
		.eventStream(FakeOpenRouterServer.body(FakeOpenRouterServer.DEFAULT_DELTAS)), observationRegistry());

	private final ReactiveMessagesClient streamUnobserved = client(InMemoryConnector
		.eventStream(FakeOpenRouterServer.body(FakeOpenRouterServer.DEFAULT_DELTAS)), ObservationRegistry.NOOP);

	/**
	 * A create, observed with meters recorded.
	 * @return the response
	 */
	@Benchmark
	public MessageResponse createObserved() {
		return this.createObserved.create(this.request).block();
	}

	/**
	 * A create, unobserved (the baseline).
	 * @return the response
	 */
	@Benchmark
	public MessageResponse createUnobserved() {
		return this.createUnobserved.create(this.request).block();
	}

	/**
	 * A stream of 2,000 text deltas, observed with meters recorded.
	 * @return the last event
	 */
	@Benchmark
	public StreamEvent streamObserved() {
		return this.streamObserved.stream(this.request).blockLast();
	}

	/**
	 * A stream of 2,000 text deltas, unobserved (the baseline).
	 * @return the last event
	 */
	@Benchmark
	public StreamEvent streamUnobserved() {
		return this.streamUnobserved.stream(this.request).blockLast();
	}

	/**
	 * Measures the four operations by the calling thread's CPU time and allocated bytes, which a
	 * busy machine disturbs far less than wall-clock time: ten rounds of 20,000 creates and 200
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
				int calls = name.startsWith("create") ? 20_000 : 200;
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

	private static ReactiveMessagesClient client(InMemoryConnector connector, ObservationRegistry registry) {
		return MessagesClient.builder()
			.baseUrl("http://127.0.0.1:1/api/v1")
			.apiKey("sk-or-bench")
			.clientConnector(connector)
			.observationRegistry(registry)
			.buildReactive();
	}

	private static ObservationRegistry observationRegistry() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new MessagesMeterObservationHandler(new SimpleMeterRegistry()));
		return registry;
	}

}
