package io.github.openrouter.spring.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.anthropic.client.AnthropicClient;
import io.github.openrouter.spring.messages.MessagesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FakeOpenRouterServer} and the {@link BenchClient}s: each client runs once against
 * the server started in this JVM, so that the benchmark harness cannot rot. No timings here.
 */
class BenchmarkHarnessTests {

	static final List<String> clients = List.of("starter", "starter-blocking", "starter-default-pool",
			"starter-observed", "starter-meters", "floor", "webclient", "connector", "anthropic-sdk", "spring-ai");

	static final List<String> streamingClients = List.of("starter", "starter-blocking", "starter-default-pool",
			"starter-observed", "starter-no-partial", "floor", "anthropic-sdk", "spring-ai");

	private static FakeOpenRouterServer server;

	@BeforeAll
	static void startServer() {
		server = FakeOpenRouterServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@ParameterizedTest
	@FieldSource("clients")
	void shouldDecodeTheNonStreamingAnswer(String name) {
		try (BenchClient client = Clients.create(name, server.port(), 4)) {
			long chars = client.createMany(1, 1);
			assertThat(chars).isEqualTo(FakeOpenRouterServer.messageText().length());
			assertThat(client.createMany(4, 2)).isEqualTo(4L * FakeOpenRouterServer.messageText().length());
		}
	}

	@Test
	void shouldLoadTheBaselineStarterFromItsOwnCopyOfTheClasses() throws Exception {
		String classes = Path.of(MessagesClient.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toString();
		System.setProperty("bench.baselineJar", classes);
		try (BenchClient client = Clients.create("starter-baseline", server.port(), 4)) {
			assertThat(client.getClass().getName()).isEqualTo(StarterClient.class.getName());
			assertThat(client.getClass()).isNotEqualTo(StarterClient.class);
			assertThat(client.createMany(4, 2)).isEqualTo(4L * FakeOpenRouterServer.messageText().length());
		}
		finally {
			System.clearProperty("bench.baselineJar");
		}
	}

	@Test
	void shouldRunSpringAiWithItsOwnDependencySet() throws Exception {
		try (BenchClient client = Clients.create("spring-ai", server.port(), 4)) {
			assertThat(client.createMany(1, 1)).isEqualTo(FakeOpenRouterServer.messageText().length());
		}
		ClassLoader springAi = SpringAiClient.classLoader();
		assertThatExceptionOfType(ClassNotFoundException.class)
			.isThrownBy(() -> Class.forName("org.springframework.ai.chat.model.ChatModel", false,
					BenchmarkHarnessTests.class.getClassLoader()));
		assertThat(springAi.loadClass("org.springframework.ai.chat.model.ChatModel").getClassLoader())
			.isSameAs(springAi);
		for (Class<?> ours : List.of(Flux.class, AnthropicClient.class, JsonMapper.class)) {
			Class<?> theirs = springAi.loadClass(ours.getName());
			assertThat(theirs).isNotSameAs(ours);
			assertThat(theirs.getProtectionDomain().getCodeSource().getLocation())
				.isNotEqualTo(ours.getProtectionDomain().getCodeSource().getLocation());
		}
	}

	@ParameterizedTest
	@FieldSource("streamingClients")
	void shouldDeliverEveryDeltaOfAStream(String name) {
		try (BenchClient client = Clients.create(name, server.port(), 4)) {
			StreamTally tally = new StreamTally(1);
			client.streamCall(StreamShape.fast(10)).run(tally.listener());
			assertThat(tally.failed()).isZero();
			assertThat(tally.completed()).isEqualTo(1);
			assertThat(tally.deltas()).isEqualTo(10);
			assertThat(tally.chars()).isEqualTo(FakeOpenRouterServer.text(10).length());
		}
	}

	@ParameterizedTest
	@FieldSource("streamingClients")
	void shouldFinishStalledStreamsWhenReleased(String name) throws Exception {
		try (BenchClient client = Clients.create(name, server.port(), 4)) {
			StreamTally tally = new StreamTally(2);
			StreamCall call = client.streamCall(new StreamShape(10, 1, 4));
			call.start(tally.listener());
			call.start(tally.listener());
			assertThat(tally.awaitDeltas(8, Duration.ofSeconds(5))).isTrue();
			assertThat(tally.deltas()).isEqualTo(8);
			Heap.release(server.port());
			assertThat(tally.awaitEnd(Duration.ofSeconds(5))).isTrue();
			assertThat(tally.failed()).isZero();
			assertThat(tally.deltas()).isEqualTo(20);
		}
	}

}
