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
 * at concurrency 1, default 1000; 4x that at higher concurrency), {@code bench.connections} (the
 * connection pool of every client, default twice the highest concurrency and at least 16).
 *
 * <p>
 * The pools are larger than the concurrency, as an application's are (the starter's default is
 * 500): with a pool exactly as large, a call started when the previous one completes finds no
 * free connection (Reactor Netty releases it just after), waits, and Reactor Netty arms and
 * cancels a pending-acquire timeout on its parallel scheduler, waking a thread: a cost of the
 * pool, not of the client, that every Reactor Netty client pays then.
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
			int connections = Integer.getInteger("bench.connections", Math.max(2 * maxConcurrency, 16));
			List<BenchClient> clients = Clients.create(server.port(), connections);
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
