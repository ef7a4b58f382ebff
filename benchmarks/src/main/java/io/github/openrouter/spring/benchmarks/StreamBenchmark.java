package io.github.openrouter.spring.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario b: streams of 2,000 text deltas, every client in the same JVM against the same fake server
 * process. Part 1 prints client CPU time and allocated bytes per SSE event (medians of measured
 * rounds of sequential streams). Part 2 prints the heap each open stream retains: K streams stall
 * half-way on the server, the client JVM collects garbage and weighs its heap, for answers of 2,000 and
 * 20,000 deltas; a client whose figure grows with the answer buffers or accumulates it.
 *
 * <p>
 * Properties: {@code bench.clients} (default all), {@code bench.deltas} (2000),
 * {@code bench.streamsPerRound} (20), {@code bench.warmupRounds} (8), {@code bench.rounds} (10),
 * {@code bench.openStreams} (K, 50), {@code bench.heapRepeats} (1), {@code bench.retainedDeltas} ({@code 2000,20000}),
 * {@code bench.part} ({@code all}, {@code cpu} or {@code heap}).
 *
 * @since 0.1.0
 */
public final class StreamBenchmark {

	private StreamBenchmark() {
	}

	/**
	 * Runs the scenario.
	 * @param args ignored
	 * @throws Exception if the fake server cannot start or a stream misbehaves
	 */
	public static void main(String[] args) throws Exception {
		int deltas = Integer.getInteger("bench.deltas", FakeOpenRouterServer.DEFAULT_DELTAS);
		int streamsPerRound = Integer.getInteger("bench.streamsPerRound", 20);
		int warmupRounds = Integer.getInteger("bench.warmupRounds", 8);
		int measuredRounds = Integer.getInteger("bench.rounds", 10);
		int openStreams = Integer.getInteger("bench.openStreams", 50);
		int repeats = Integer.getInteger("bench.heapRepeats", 1);
		int[] retainedDeltas = Environment.ints("bench.retainedDeltas", "2000,20000");
		String part = System.getProperty("bench.part", "all");
		Environment.printHeader("StreamBenchmark");
		try (FakeServerProcess server = FakeServerProcess.start()) {
			List<BenchClient> clients = Clients.create(server.port(), Math.max(openStreams, 16) + 16);
			try {
				if (!part.equals("heap")) {
					perEvent(clients, deltas, streamsPerRound, warmupRounds, measuredRounds);
				}
				if (!part.equals("cpu")) {
					retained(clients, server.port(), openStreams, retainedDeltas, repeats);
				}
			}
			finally {
				clients.forEach(BenchClient::close);
			}
		}
	}

	private static void perEvent(List<BenchClient> clients, int deltas, int streamsPerRound, int warmupRounds,
			int measuredRounds) {
		StreamShape shape = StreamShape.fast(deltas);
		Map<String, StreamCall> calls = new LinkedHashMap<>();
		for (BenchClient client : clients) {
			calls.put(client.name(), client.streamCall(shape));
		}
		long textLength = FakeOpenRouterServer.text(deltas).length();
		long events = (long) streamsPerRound * FakeOpenRouterServer.eventsPerStream(deltas);
		Map<String, Rounds.Result> results = Rounds.run("stream " + deltas, clients, warmupRounds, measuredRounds,
				events, (client) -> {
					StreamCall call = calls.get(client.name());
					StreamTally tally = new StreamTally(streamsPerRound);
					for (int i = 0; i < streamsPerRound; i++) {
						call.run(tally.listener());
					}
					if (tally.deltas() != (long) deltas * streamsPerRound || tally.failed() != 0) {
						throw new IllegalStateException(client.name() + " delivered " + tally.deltas() + " deltas, "
								+ tally.failed() + " failures");
					}
					return tally.chars();
				}, textLength * streamsPerRound);
		Rounds.print("stream, " + deltas + " text deltas (" + FakeOpenRouterServer.eventsPerStream(deltas)
				+ " events), sequential", "event", results);
	}

	private static void retained(List<BenchClient> clients, int port, int openStreams, int[] answerDeltas,
			int repeats)
			throws Exception {
		System.out.printf("%n| scenario | client | answer deltas | retained heap per open stream (KiB) | streams completed | deltas lost |%n");
		System.out.println("|---|---|---:|---:|---:|---:|");
		for (BenchClient client : clients) {
			openAndRelease(client, port, openStreams, new StreamShape(answerDeltas[0], 0, answerDeltas[0] / 2));
		}
		for (int deltas : answerDeltas) {
			for (BenchClient client : clients) {
				Stats perStream = new Stats();
				long completed = 0;
				long lost = 0;
				for (int repeat = 0; repeat < repeats; repeat++) {
					StreamCall call = client.streamCall(new StreamShape(deltas, 0, deltas / 2));
					long baseline = Heap.liveAfterGc();
					StreamTally tally = new StreamTally(openStreams);
					for (int i = 0; i < openStreams; i++) {
						call.start(tally.listener());
					}
					if (!tally.awaitDeltas((long) openStreams * (deltas / 2), Duration.ofMinutes(2))) {
						throw new IllegalStateException(client.name() + " reached only " + tally.deltas() + " deltas",
								tally.firstFailure());
					}
					long open = Heap.liveAfterGc();
					perStream.add((double) (open - baseline) / openStreams);
					Heap.release(port);
					if (!tally.awaitEnd(Duration.ofMinutes(2))) {
						throw new IllegalStateException(client.name() + ": streams did not end after release");
					}
					completed = tally.completed();
					lost = (long) openStreams * deltas - tally.deltas();
					if (tally.failed() != 0) {
						throw new IllegalStateException(client.name() + ": " + tally.failed() + " streams failed",
								tally.firstFailure());
					}
				}
				System.out.printf("| open streams stalled half-way, K=%d | %s | %d | %s | %d/%d | %d |%n", openStreams,
						client.name(), deltas, Heap.kib(perStream.median()), completed, openStreams, lost);
				System.out.flush();
			}
		}
	}

	/**
	 * Opens streams that stall, then releases them, unmeasured: the first time loads classes and fills
	 * caches and pools that would otherwise be charged to the first measured streams.
	 */
	private static void openAndRelease(BenchClient client, int port, int openStreams, StreamShape shape)
			throws Exception {
		StreamCall call = client.streamCall(shape);
		StreamTally tally = new StreamTally(openStreams);
		for (int i = 0; i < openStreams; i++) {
			call.start(tally.listener());
		}
		tally.awaitDeltas((long) openStreams * shape.stallAfter(), Duration.ofMinutes(2));
		Heap.release(port);
		if (!tally.awaitEnd(Duration.ofMinutes(2)) || tally.failed() != 0) {
			throw new IllegalStateException(client.name() + ": warm-up streams failed", tally.firstFailure());
		}
	}

}
