package io.github.openrouter.spring.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the compared clients, all pointed at the same fake server; {@code -Dbench.clients=floor,sdk}
 * picks some of them. Besides the default three, these can be asked for: {@code starter-blocking}
 * (streams read through the blocking {@code MessageStream}), {@code starter-default-pool} (the
 * builder's own connector), {@code starter-observed} (as with Spring Boot's actuator: the client's meters
 * and WebClient's {@code http.client.requests} recorded into a registry), {@code starter-meters} (the
 * client's own observation and meters only),
 * {@code starter-no-partial} (streams keep no partial message: {@code keepPartialMessage(false)}), and two
 * create-only reference points, {@code webclient} (a plain WebClient) and {@code connector} (the same
 * connector called directly, without WebClient's layers), and {@code starter-baseline} (the starter
 * built from an earlier jar, {@code -Dbench.baselineJar}, to measure a change before and after), and
 * {@code spring-ai} (Spring AI 2.0's Anthropic chat model in a class loader of its own).
 *
 * @since 0.1.0
 */
final class Clients {

	static final List<String> ALL = List.of("starter", "floor", "anthropic-sdk");

	private Clients() {
	}

	/**
	 * Creates the clients chosen by {@code bench.clients} (default: all).
	 * @param port the fake server's port
	 * @param connections the connection-pool size to give each client
	 * @return the clients, in table order
	 */
	static List<BenchClient> create(int port, int connections) {
		List<BenchClient> clients = new ArrayList<>();
		for (String name : chosenNames()) {
			clients.add(create(name, port, connections));
		}
		return clients;
	}

	static BenchClient create(String name, int port, int connections) {
		switch (name) {
			case "starter":
				return new StarterClient(name, port, connections, false);
			case "starter-blocking":
				return new StarterClient(name, port, connections, true);
			case "starter-observed":
				return new StarterClient(name, port, connections, false, StarterClient.Observed.LIKE_BOOT);
			case "starter-meters":
				return new StarterClient(name, port, connections, false, StarterClient.Observed.CLIENT_ONLY);
			case "starter-no-partial":
				return new StarterClient(name, port, connections, false, StarterClient.Observed.NO, false);
			case "starter-baseline":
				return BaselineStarter.create(name, port, connections);
			case "starter-default-pool":
				return new StarterClient(name, port, 0, false);
			case "floor":
				return new FloorClient(port, connections);
			case "webclient":
				return new WebClientClient(port, connections, false);
			case "connector":
				return new WebClientClient(port, connections, true);
			case "anthropic-sdk":
			case "sdk":
				return new SdkClient(port, connections);
			case "spring-ai":
				return new SpringAiClient(port, connections);
			default:
				throw new IllegalArgumentException("Unknown client '" + name + "'; expected one of " + ALL);
		}
	}

	/**
	 * Returns the names chosen by {@code bench.clients} (default: all).
	 * @return the names
	 */
	static List<String> chosenNames() {
		String property = System.getProperty("bench.clients");
		if (property == null || property.isBlank()) {
			return ALL;
		}
		return Arrays.stream(property.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

}
