package io.github.openrouter.spring.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.client.ClientSettings;
import io.github.openrouter.spring.messages.client.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.client.RequestPreparationProbe;
import io.github.openrouter.spring.messages.model.MessageRequest;
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

/**
 * JMH micro-benchmarks of the starter's per-call request preparation (defaults, validation, body
 * bytes and headers, before any I/O) for the benchmark's request, in the one pass the client makes
 * (the JSON-tree path it used before is measured in benchmarks/README.md). Run with {@code -prof gc}
 * for allocation per operation. On a busy machine, where JMH's wall-clock times scatter, {@link #main}
 * measures the calling thread's CPU time and allocation per operation instead.
 *
 * @since 0.1.0
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class PrepareBenchmark {

	private final MessageRequest request = MessageRequest.builder()
		.model(Requests.MODEL)
		.maxTokens(Requests.MAX_TOKENS)
		.addUserMessage(Requests.PROMPT)
		.build();

	private final ClientSettings settings = settings();

	private final RequestPreparationProbe probe = new RequestPreparationProbe(this.settings);

	/**
	 * The one-pass preparation of a create call, as the client does it now.
	 * @return the prepared call
	 */
	@Benchmark
	public Object createOnePass() {
		return this.probe.prepare(this.request, RequestOptions.none(), false);
	}

	/**
	 * The one-pass preparation of a stream call ({@code stream: true} set on a copy of the request).
	 * @return the prepared call
	 */
	@Benchmark
	public Object streamOnePass() {
		return this.probe.prepare(this.request, RequestOptions.none(), true);
	}

	/**
	 * Measures the two operations by the calling thread's CPU time and allocated bytes, which a
	 * busy machine disturbs far less than wall-clock time: six rounds of 200,000 calls each.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		PrepareBenchmark benchmark = new PrepareBenchmark();
		Blackhole blackhole = new Blackhole(
				"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		int calls = 200_000;
		for (int round = 1; round <= 6; round++) {
			StringBuilder line = new StringBuilder("round " + round + ":");
			for (String name : List.of("createOnePass", "streamOnePass")) {
				long cpu = threads.getCurrentThreadCpuTime();
				long allocated = threads.getCurrentThreadAllocatedBytes();
				for (int i = 0; i < calls; i++) {
					switch (name) {
						case "createOnePass" -> blackhole.consume(benchmark.createOnePass());
						default -> blackhole.consume(benchmark.streamOnePass());
					}
				}
				line.append(String.format("  %s %.0f ns %d B", name,
						(threads.getCurrentThreadCpuTime() - cpu) / (double) calls,
						(threads.getCurrentThreadAllocatedBytes() - allocated) / calls));
			}
			System.out.println(line);
		}
	}

	private static ClientSettings settings() {
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) MessagesClient.builder()
			.baseUrl("http://127.0.0.1:1/api/v1")
			.apiKey("sk-or-bench")
			.buildReactive()) {
			return client.settings();
		}
	}

}
