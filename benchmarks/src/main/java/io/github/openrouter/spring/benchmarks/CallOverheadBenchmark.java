package io.github.openrouter.spring.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
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
 * JMH micro-benchmark of the client's own work per call, without a network: a blocking
 * {@code create} through the public {@link MessagesClient}, built with
 * {@link io.github.openrouter.spring.messages.MessagesClientBuilder#clientConnector} over a connector
 * that answers the fake server's ~1 KB message at once. It covers request preparation (defaults,
 * validation, body bytes and headers), the exchange through Spring's reactive HTTP abstractions and
 * the decoding of the answer. (It replaces a benchmark of request preparation alone, which needed an
 * internal class.) Run with {@code -prof gc} for allocation per operation. On a busy machine, where
 * JMH's wall-clock times scatter, {@link #main} measures the calling thread's CPU time and
 * allocation per operation instead.
 *
 * @since 0.1.0
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class CallOverheadBenchmark {

	private final MessageRequest request = Requests.starterRequest();

	private final MessagesClient client = MessagesClient.builder()
		.baseUrl("http://127.0.0.1:1/api/v1")
		.apiKey("sk-or-bench")
		.clientConnector(InMemoryConnector.json(FakeOpenRouterServer.message()))
		.build();

	/**
	 * One blocking create call, answered in memory.
	 * @return the response
	 */
	@Benchmark
	public MessageResponse create() {
		return this.client.create(this.request);
	}

	/**
	 * Measures the call by the calling thread's CPU time and allocated bytes, which a busy machine
	 * disturbs far less than wall-clock time: six rounds of 50,000 calls each. (Work done on other
	 * threads, if any, is not counted.)
	 * @param args ignored
	 */
	public static void main(String[] args) {
		CallOverheadBenchmark benchmark = new CallOverheadBenchmark();
		Blackhole blackhole = new Blackhole(
				"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		int calls = 50_000;
		for (int round = 1; round <= 6; round++) {
			StringBuilder line = new StringBuilder("round " + round + ":");
			for (String name : List.of("create")) {
				long cpu = threads.getCurrentThreadCpuTime();
				long allocated = threads.getCurrentThreadAllocatedBytes();
				for (int i = 0; i < calls; i++) {
					blackhole.consume(benchmark.create());
				}
				line.append(String.format("  %s %.0f ns %d B", name,
						(threads.getCurrentThreadCpuTime() - cpu) / (double) calls,
						(threads.getCurrentThreadAllocatedBytes() - allocated) / calls));
			}
			System.out.println(line);
		}
	}

}
