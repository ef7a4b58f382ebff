package io.github.openrouter.spring.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Scenario a: non-streaming create with a ~1 KB answer at concurrency 1 and 64, every client in the
 * same JVM against the same fake server process. Prints client CPU time, allocated bytes and
 * throughput per request (medians of measured rounds).
 *
 * <p>
 * Properties: {@code bench.clients} (default all), {@code bench.concurrency} (default {@code 1,64}),
 * {@code bench.warmupRounds} (8), {@code bench.rounds} (10), {@code bench.requests} (requests per round
 * at concurrency 1, default 1000; 4x that at higher concurrency).
 *
 * @since 0.1.0
 */
public final class CreateBenchmark {

	private CreateBenchmark() {
	}

	/**
	 * Runs the scenario.
	 * @param args ignored
	 * @throws Exception if the fake server cannot start
	 */
	public static void main(String[] args) throws Exception {
		int[] concurrencies = Environment.ints("bench.concurrency", "1,64");
		int warmupRounds = Integer.getInteger("bench.warmupRounds", 8);
		int measuredRounds = Integer.getInteger("bench.rounds", 10);
		int requests = Integer.getInteger("bench.requests", 1000);
		int maxConcurrency = 1;
		for (int concurrency : concurrencies) {
			maxConcurrency = Math.max(maxConcurrency, concurrency);
		}
		Environment.printHeader("CreateBenchmark");
		try (FakeServerProcess server = FakeServerProcess.start()) {
			List<BenchClient> clients = Clients.create(server.port(), Math.max(maxConcurrency, 16));
			try {
				long answer = Requests.checkMessageText(FakeOpenRouterServer.messageText()).length();
				for (int concurrency : concurrencies) {
					int total = (concurrency == 1) ? requests : requests * 4;
					Map<String, Rounds.Result> results = Rounds.run("create c=" + concurrency, clients, warmupRounds,
							measuredRounds, total, (client) -> client.createMany(total, concurrency), total * answer);
					Rounds.print("create, ~1 KB answer, concurrency " + concurrency, "request", results);
				}
			}
			finally {
				clients.forEach(BenchClient::close);
			}
		}
	}

}
