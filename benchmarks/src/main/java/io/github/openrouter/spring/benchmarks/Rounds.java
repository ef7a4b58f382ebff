package io.github.openrouter.spring.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * Runs warm-up and measured rounds of the same work for every client, interleaving the clients and
 * rotating their order each round so that noise from other processes falls on all of them alike.
 * A full collection runs before each client's round, outside the measurement, so that no client
 * is charged for collecting the garbage of the one measured before it.
 *
 * @since 0.1.0
 */
final class Rounds {

	private Rounds() {
	}

	/**
	 * Runs the rounds.
	 * @param title the scenario's name, printed with progress lines
	 * @param clients the clients
	 * @param warmupRounds rounds per client run but not measured
	 * @param measuredRounds rounds per client measured
	 * @param unitsPerRound requests or events per round, to divide by
	 * @param work one round of work for a client; returns a checksum that must equal {@code expected}
	 * @param expected the checksum of a correct round
	 * @return the figures per client name, in the clients' order
	 */
	static Map<String, Result> run(String title, List<BenchClient> clients, int warmupRounds, int measuredRounds,
			long unitsPerRound, ToLongFunction<BenchClient> work, long expected) {
		Map<String, Result> results = new LinkedHashMap<>();
		for (BenchClient client : clients) {
			results.put(client.name(), new Result());
		}
		@Nullable Recording recording = null;
		for (int round = 0; round < warmupRounds + measuredRounds; round++) {
			if (round == warmupRounds) {
				recording = Profiling.start();
			}
			for (BenchClient client : rotate(clients, round)) {
				// every round starts with an empty young generation: a client pays for collecting its
				// own garbage, never for what the client before it left (the rotation keeps their order)
				System.gc();
				ResourceUsage before = ResourceUsage.now();
				long checksum = work.applyAsLong(client);
				ResourceUsage.Delta used = before.until(ResourceUsage.now());
				if (checksum != expected) {
					throw new IllegalStateException(client.name() + " round " + round + " of " + title + ": checksum "
							+ checksum + " but expected " + expected);
				}
				if (round >= warmupRounds) {
					Result result = results.get(client.name());
					result.cpuMicros.add(used.cpuNanos() / 1000.0 / unitsPerRound);
					result.allocatedBytes.add((double) used.allocatedBytes() / unitsPerRound);
					result.perSecond.add(unitsPerRound * 1e9 / used.wallNanos());
					used.cpuNanosByThreadGroup()
						.forEach((group, nanos) -> result.cpuMicrosByThreadGroup.computeIfAbsent(group, (key) -> new Stats())
							.add(nanos / 1000.0 / unitsPerRound));
				}
			}
			System.err.printf("%s: round %d/%d done%n", title, round + 1, warmupRounds + measuredRounds);
		}
		Profiling.stop(recording, title);
		return results;
	}

	private static List<BenchClient> rotate(List<BenchClient> clients, int round) {
		List<BenchClient> rotated = new ArrayList<>(clients.size());
		for (int i = 0; i < clients.size(); i++) {
			rotated.add(clients.get((i + round) % clients.size()));
		}
		return rotated;
	}

	/**
	 * Prints one markdown table row per client, with ratios to the floor when it ran.
	 * @param scenario the scenario cell
	 * @param unit the unit (request, event)
	 * @param results the results by client
	 */
	static void print(String scenario, String unit, Map<String, Result> results) {
		Result floor = results.get("floor");
		System.out.printf("%n| scenario | client | CPU µs/%s | CPU × floor | CPU × floor, paired | alloc bytes/%s | alloc × floor | %ss/s | CPU µs min–max |%n",
				unit, unit, unit);
		System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
		for (Map.Entry<String, Result> entry : results.entrySet()) {
			Result result = entry.getValue();
			double cpu = result.cpuMicros.median();
			double allocated = result.allocatedBytes.median();
			System.out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s–%s |%n", scenario, entry.getKey(),
					Stats.format(cpu), (floor != null) ? Stats.ratio(cpu, floor.cpuMicros.median()) : "n/a",
					(floor != null) ? Stats.ratio(result.cpuMicros.medianRatioTo(floor.cpuMicros), 1.0) : "n/a",
					Stats.format(allocated),
					(floor != null) ? Stats.ratio(allocated, floor.allocatedBytes.median()) : "n/a",
					Stats.format(result.perSecond.median()), Stats.format(result.cpuMicros.min()),
					Stats.format(result.cpuMicros.max()));
		}
		for (Map.Entry<String, Result> entry : results.entrySet()) {
			if (!entry.getValue().cpuMicrosByThreadGroup.isEmpty()) {
				System.out.printf("%nCPU µs/%s by thread, %s (medians):%n", unit, entry.getKey());
				entry.getValue().cpuMicrosByThreadGroup.forEach((group, stats) -> {
					if (Math.abs(stats.median()) >= 0.01) {
						System.out.printf("  %-40s %s%n", group, Stats.format(stats.median()));
					}
				});
			}
		}
		System.out.flush();
	}

	/**
	 * Measured figures of one client, one sample per round.
	 */
	static final class Result {

		final Stats cpuMicros = new Stats();

		final Stats allocatedBytes = new Stats();

		final Stats perSecond = new Stats();

		final Map<String, Stats> cpuMicrosByThreadGroup = new java.util.TreeMap<>();

	}

}
