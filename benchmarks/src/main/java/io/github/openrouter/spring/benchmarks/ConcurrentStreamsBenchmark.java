package io.github.openrouter.spring.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario c: many concurrent slow streams in one JVM (default 10,000 streams of 20 deltas, one every
 * 500 ms), one client after the other against the same fake server process. Every stream stalls on the
 * server after half its deltas until all streams got there, so that all are open at once however long
 * starting them takes; then the harness weighs the heap and releases them. Prints, per client: streams
 * completed, deltas lost, peak heap in use (sampled every 100 ms, garbage included), live heap after a
 * full GC with every stream open, peak platform-thread count, wall time and CPU time.
 *
 * <p>
 * Properties: {@code bench.clients} (default all), {@code bench.streams} (10000), {@code bench.deltas}
 * (20), {@code bench.intervalMs} (500), {@code bench.rampBatch} (streams started per 50 ms, 500),
 * {@code bench.timeoutSeconds} (600).
 *
 * @since 0.1.0
 */
public final class ConcurrentStreamsBenchmark {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private ConcurrentStreamsBenchmark() {
	}

	/**
	 * Runs the scenario.
	 * @param args ignored
	 * @throws Exception if the fake server cannot start
	 */
	public static void main(String[] args) throws Exception {
		int streams = Integer.getInteger("bench.streams", 10_000);
		int deltas = Integer.getInteger("bench.deltas", 20);
		int interval = Integer.getInteger("bench.intervalMs", 500);
		int rampBatch = Integer.getInteger("bench.rampBatch", 500);
		int timeoutSeconds = Integer.getInteger("bench.timeoutSeconds", 600);
		Environment.printHeader("ConcurrentStreamsBenchmark");
		System.out.printf("%n| scenario | client | streams completed | failed | deltas received / expected | lost "
				+ "| peak heap used (MiB) | live heap, all open, after GC (MiB) | threads, all open (before) | peak threads | wall s | CPU s |%n");
		System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		boolean allGood = true;
		try (FakeServerProcess server = FakeServerProcess.start()) {
			for (String name : Clients.chosenNames()) {
				try (BenchClient client = Clients.create(name, server.port(), streams + 64)) {
					allGood &= run(client, server.port(), streams, new StreamShape(deltas, interval, deltas / 2),
							rampBatch, timeoutSeconds);
				}
				Heap.liveAfterGc();
			}
		}
		if (!allGood) {
			System.exit(1);
		}
	}

	private static boolean run(BenchClient client, int port, int streams, StreamShape shape, int rampBatch,
			int timeoutSeconds) throws InterruptedException, IOException {
		warmUp(client, client.streamCall(new StreamShape(shape.deltas(), shape.intervalMillis(), -1)));
		StreamCall call = client.streamCall(shape);
		Heap.liveAfterGc();
		int threadsBefore = THREADS.getThreadCount();
		THREADS.resetPeakThreadCount();
		AtomicLong peakHeap = new AtomicLong();
		AtomicInteger peakThreads = new AtomicInteger();
		AtomicBoolean sampling = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				peakHeap.accumulateAndGet(Heap.used(), Math::max);
				peakThreads.accumulateAndGet(THREADS.getThreadCount(), Math::max);
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "bench-sampler");
		sampler.setDaemon(true);
		sampler.start();
		ResourceUsage before = ResourceUsage.now();
		StreamTally tally = new StreamTally(streams);
		long start = System.nanoTime();
		for (int started = 0; started < streams; started += rampBatch) {
			for (int i = started; i < Math.min(streams, started + rampBatch); i++) {
				call.start(tally.listener());
			}
			Thread.sleep(50);
		}
		long expected = (long) streams * shape.deltas();
		System.err.printf("%s: all %d streams started after %.1f s%n", client.name(), streams,
				(System.nanoTime() - start) / 1e9);
		long liveHalfWay = -1;
		int openThreads = -1;
		if (tally.awaitDeltas((long) streams * shape.stallAfter(), Duration.ofSeconds(timeoutSeconds))) {
			System.err.printf("%s: every stream open and stalled half-way after %.1f s%n", client.name(),
					(System.nanoTime() - start) / 1e9);
			openThreads = THREADS.getThreadCount();
			liveHalfWay = Heap.liveAfterGc();
		}
		Heap.release(port);
		boolean ended = tally.awaitEnd(Duration.ofSeconds(timeoutSeconds));
		ResourceUsage.Delta used = before.until(ResourceUsage.now());
		sampling.set(false);
		sampler.join();
		int peak = Math.max(peakThreads.get(), THREADS.getPeakThreadCount());
		long lost = expected - tally.deltas();
		System.out.printf("| %d concurrent streams, %d deltas every %d ms | %s | %d/%d%s | %d | %d/%d | %d | %s | %s | %d (%d) | %d | %s | %s |%n",
				streams, shape.deltas(), shape.intervalMillis(), client.name(), tally.completed(), streams,
				ended ? "" : " (timed out)", tally.failed(), tally.deltas(), expected, lost, Heap.mib(peakHeap.get()),
				(liveHalfWay >= 0) ? Heap.mib(liveHalfWay) : "n/a", openThreads, threadsBefore, peak,
				Stats.format(used.wallNanos() / 1e9), Stats.format(used.cpuNanos() / 1e9));
		if (tally.firstFailure() != null) {
			System.err.println(client.name() + ": first failure:");
			tally.firstFailure().printStackTrace();
		}
		System.out.flush();
		return ended && tally.failed() == 0 && lost == 0;
	}

	private static void warmUp(BenchClient client, StreamCall call) throws InterruptedException {
		StreamTally tally = new StreamTally(1);
		call.run(tally.listener());
		if (tally.failed() != 0) {
			throw new IllegalStateException(client.name() + ": warm-up stream failed", tally.firstFailure());
		}
	}

}
