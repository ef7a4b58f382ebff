package io.github.openrouter.spring.messages.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.reliability.FaultCalls.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A bounded chaos run of
 * {@link io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient}: 2,000 calls
 * (create and stream, about half each) at concurrency 50 against a loopback server that injects
 * the faults of the fault matrix at random (fixed seed). Every call must end, with a response or an
 * {@link OpenRouterException}, and with the outcome its planned fault documents; successful
 * streams must deliver every text delta the server sent; afterwards the pool holds no acquired
 * connection and the duration timer counts every call once. The only time bound is one generous
 * overall bound that detects hangs.
 */
class ChaosTests {

	private static final long SEED = 20261126L;

	private static final int CALLS = 2_000;

	private static final int CONCURRENCY = 50;

	private static final Duration OVERALL_BOUND = Duration.ofSeconds(180);

	private static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0,
			0.5, Duration.ofSeconds(1))
		.withRetryFirstByteTimeouts(true);

	private static final ClientTimeouts TIMEOUTS = new ClientTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
			Duration.ofSeconds(5), Duration.ofSeconds(60));

	/** Faults and their weights; the slow ones are rare because they hold a slot for seconds. */
	private static final Map<Fault, Integer> WEIGHTS = weights();

	@ParameterizedTest
	@EnumSource(FaultClients.Transport.class)
	void shouldEndEveryCallWithAResponseOrATypedExceptionUnderRandomFaults(FaultClients.Transport transport)
			throws Exception {
		List<Plan> plans = plans(new Random(SEED));
		Map<Integer, Result> ended = new ConcurrentHashMap<>();
		long started = System.nanoTime();
		try (FaultServer server = new FaultServer("0.02"); FaultClients clients = new FaultClients(CONCURRENCY + 14, transport)) {
			DefaultReactiveMessagesClient live = clients.client(server.baseUrl(), TIMEOUTS, RETRIES);
			DefaultReactiveMessagesClient refused = clients.client(refusedBaseUrl(), TIMEOUTS, RETRIES);
			CompletableFuture<List<Result>> run = Flux.fromIterable(plans)
				.flatMap((plan) -> call((plan.fault() == Fault.REFUSED) ? refused : live, plan)
					.doOnNext((result) -> ended.put(plan.index(), result)), CONCURRENCY)
				.collectList()
				.toFuture();
			try {
				run.get(OVERALL_BOUND.toSeconds(), TimeUnit.SECONDS);
			}
			catch (TimeoutException ex) {
				List<Plan> hung = plans.stream().filter((plan) -> !ended.containsKey(plan.index())).toList();
				fail(hung.size() + " calls did not end within " + OVERALL_BOUND + ", for example "
						+ hung.subList(0, Math.min(10, hung.size())));
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			int attempts = plans.stream().mapToInt((plan) -> server.attempts(plan.callId())).sum();
			Map<String, Long> counts = ended.values()
				.stream()
				.collect(Collectors.groupingBy(Result::outcome, TreeMap::new, Collectors.counting()));
			Map<String, Long> expectedCounts = plans.stream()
				.collect(Collectors.groupingBy(Plan::expectedOutcome, TreeMap::new, Collectors.counting()));
			System.out.printf(transport + " chaos run: %d calls (%d create, %d stream), concurrency %d, seed %d, %d attempts "
					+ "reached the server, took %d ms%n", CALLS, count(plans, Kind.CREATE), count(plans, Kind.STREAM),
					CONCURRENCY, SEED, attempts, took.toMillis());
			counts.forEach((outcome, count) -> System.out.printf("  %-45s %5d%n", outcome, count));

			assertThat(server.serverErrors()).as("test server bugs").isEmpty();
			assertThat(ended).as("calls that ended").hasSize(CALLS);
			assertThat(ended.values()).as("failures are typed")
				.allSatisfy((result) -> assertThat(result.failure()).satisfiesAnyOf((failure) -> assertThat(failure).isNull(),
						(failure) -> assertThat(failure).isInstanceOf(OpenRouterException.class)));
			List<String> mismatches = plans.stream()
				.filter((plan) -> !ended.get(plan.index()).outcome().equals(plan.expectedOutcome()))
				.map((plan) -> plan + " ended with " + ended.get(plan.index()).describe() + " after "
						+ server.attempts(plan.callId()) + " attempt(s)")
				.toList();
			assertThat(mismatches).as("calls whose outcome differs from their planned fault's").isEmpty();
			assertThat(counts).isEqualTo(expectedCounts);
			assertThat(counts.get(Result.SUCCESS)).as("successes").isGreaterThan((long) CALLS / 2);
			assertThat(ended.values()).as("successful calls delivered all the text the server sent")
				.filteredOn((result) -> result.failure() == null)
				.allSatisfy((result) -> assertThat(result.text()).isEqualTo(Replies.text(result.plan().callId())));
			clients.assertPoolDrained();
			assertThat(clients.durationCount(null)).as("duration samples").isEqualTo(CALLS);
			assertThat(clients.durationCount("success")).isEqualTo(counts.get(Result.SUCCESS));
			assertThat(clients.durationCount("error")).isEqualTo(CALLS - counts.get(Result.SUCCESS));
		}
	}

	private static Mono<Result> call(DefaultReactiveMessagesClient client, Plan plan) {
		return FaultCalls.call(client, plan.kind(), FaultCalls.options(plan.callId(), plan.serverFault(), plan.times()),
				(event) -> {
				})
			.map((text) -> new Result(plan, text, null))
			.onErrorResume((failure) -> Mono.just(new Result(plan, null, failure)));
	}

	private static List<Plan> plans(Random random) {
		List<Fault> wheel = new ArrayList<>();
		WEIGHTS.forEach((fault, weight) -> IntStream.range(0, weight).forEach((i) -> wheel.add(fault)));
		List<Plan> plans = new ArrayList<>(CALLS);
		for (int i = 0; i < CALLS; i++) {
			Kind kind = random.nextBoolean() ? Kind.CREATE : Kind.STREAM;
			Fault fault = wheel.get(random.nextInt(wheel.size()));
			boolean recovers = random.nextBoolean() && Plan.canRecover(fault);
			plans.add(new Plan(i, kind, fault, recovers ? 1 : -1));
		}
		return plans;
	}

	private static Map<Fault, Integer> weights() {
		Map<Fault, Integer> weights = new EnumMap<>(Fault.class);
		for (Fault fault : Fault.values()) {
			weights.put(fault, 4);
		}
		weights.put(Fault.NONE, 70);
		weights.put(Fault.SLOW_FIRST_BYTE, 1);
		weights.put(Fault.STALL_DURING_BODY, 1);
		return weights;
	}

	private static long count(List<Plan> plans, Kind kind) {
		return plans.stream().filter((plan) -> plan.kind() == kind).count();
	}

	private static String refusedBaseUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort() + "/api/v1";
		}
	}

	/**
	 * One planned call.
	 *
	 * @param index the position in the run
	 * @param kind create or stream
	 * @param fault the fault
	 * @param times attempts that get the fault: 1 (then the retry succeeds) or -1 (all)
	 */
	record Plan(int index, Kind kind, Fault fault, int times) {

		private static final Set<Fault> SUCCEED_ON_RETRY = Set.of(Fault.RESET_BEFORE_BODY, Fault.EMPTY_RESPONSE,
				Fault.SLOW_FIRST_BYTE, Fault.HTML_ERROR_PAGE, Fault.RATE_LIMITED_429, Fault.UNAVAILABLE_503,
				Fault.SERVER_ERROR_500, Fault.BAD_GATEWAY_502, Fault.OVERLOADED_529);

		/**
		 * Returns whether a fault on the first attempt is retried, so that the call succeeds.
		 */
		static boolean canRecover(Fault fault) {
			// RESET_DURING_BODY and TRUNCATED are never retried: a stream delivered an event, a
			// create's answer was already produced (and billed)
			return SUCCEED_ON_RETRY.contains(fault);
		}

		String callId() {
			return "chaos-" + this.index;
		}

		Fault serverFault() {
			return (this.fault == Fault.REFUSED) ? Fault.NONE : this.fault;
		}

		/**
		 * Returns the documented outcome of this call, as the fault matrix pins it.
		 */
		String expectedOutcome() {
			if (this.fault == Fault.NONE || this.times == 1) {
				return Result.SUCCESS;
			}
			boolean stream = this.kind == Kind.STREAM;
			switch (this.fault) {
				case REFUSED:
				case RESET_BEFORE_BODY:
				case EMPTY_RESPONSE:
				case RESET_DURING_BODY:
					return "OpenRouterTransportException";
				case SLOW_FIRST_BYTE:
					return "OpenRouterTimeoutException(FIRST_BYTE)";
				case STALL_DURING_BODY:
					return "OpenRouterTimeoutException(STREAM_IDLE)";
				case TRUNCATED:
					return stream ? "IncompleteStreamException" : "OpenRouterTransportException";
				case MALFORMED_JSON:
				case MALFORMED_SSE:
				case HTML_OK_PAGE:
					return "OpenRouterDecodingException";
				case RATE_LIMITED_429:
					return "RateLimitException";
				default:
					return "ServerException";
			}
		}

		@Override
		public String toString() {
			return "#" + this.index + " " + this.kind + " " + this.fault + ((this.times > 0) ? " x" + this.times : "");
		}

	}

	/**
	 * How one call ended.
	 *
	 * @param plan the plan
	 * @param text the text delivered, or {@code null} if the call failed
	 * @param failure the failure, or {@code null}
	 */
	record Result(Plan plan, @Nullable String text, @Nullable Throwable failure) {

		static final String SUCCESS = "success";

		String outcome() {
			if (this.failure == null) {
				return SUCCESS;
			}
			String name = this.failure.getClass().getSimpleName();
			return (this.failure instanceof OpenRouterTimeoutException timeout) ? name + "(" + timeout.kind() + ")"
					: name;
		}

		String describe() {
			return (this.failure != null) ? this.failure.toString() : SUCCESS;
		}

	}

}
