package io.github.openrouter.spring.messages.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.error.ServerException;
import io.github.openrouter.spring.messages.reliability.FaultCalls.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the fault handling of
 * {@link io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient}: every
 * fault of DESIGN §6, for {@code create} and {@code stream}, ends the call with its documented
 * outcome after the documented number of attempts, leaves no connection acquired from the pool
 * and records exactly one {@code gen_ai.client.operation.duration} sample tagged with the outcome.
 *
 * <p>
 * Retries: at most 3 attempts, backoff 1-5 ms. Timeouts: first byte and stream idle 1 s (bounds
 * that the slow and stalled faults trip, not timing assertions). The {@code Retry-After} cases run
 * on virtual time (the server says 2 s; the test advances a {@link VirtualTimeScheduler}).
 */
class FaultMatrixTests {

	private static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0,
			0.0, Duration.ofSeconds(60))
		.withRetryFirstByteTimeouts(true);

	private static final ClientTimeouts TIMEOUTS = new ClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1),
			Duration.ofSeconds(1), Duration.ofSeconds(30));

	/** Virtual time: bounds far beyond the seconds the test advances the clock by. */
	private static final ClientTimeouts VIRTUAL_TIMEOUTS = new ClientTimeouts(Duration.ofSeconds(2),
			Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(2));

	private static final Duration CALL_BOUND = Duration.ofSeconds(60);

	private static final String RETRY_AFTER_SECONDS = "2";

	private FaultServer server;

	private FaultClients clients;

	@BeforeEach
	void start() throws IOException {
		this.server = new FaultServer(RETRY_AFTER_SECONDS);
	}

	@AfterEach
	void stop() throws IOException {
		VirtualTimeScheduler.reset();
		if (this.clients != null) {
			this.clients.close();
		}
		this.server.close();
	}

	/**
	 * Every case through WebClient and straight through Reactor Netty.
	 */
	static Stream<Arguments> cases() {
		return Stream.of(FaultClients.Transport.values())
			.flatMap((transport) -> faultCases().map((expected) -> Arguments.of(transport, expected)));
	}

	static Stream<Case> faultCases() {
		return Stream.of(Kind.CREATE, Kind.STREAM).flatMap((kind) -> {
			boolean stream = kind == Kind.STREAM;
			return Stream.of(
					Case.failure(kind, Fault.REFUSED, OpenRouterTransportException.class, null, Case.NOT_REACHED,
							"OpenRouterTransportException"),
					Case.failure(kind, Fault.RESET_BEFORE_BODY, OpenRouterTransportException.class, null, 3,
							"OpenRouterTransportException"),
					Case.failure(kind, Fault.EMPTY_RESPONSE, OpenRouterTransportException.class, null, 3,
							"OpenRouterTransportException"),
					// never retried: a stream delivered an event; a create's answer was produced (and billed)
					Case.failure(kind, Fault.RESET_DURING_BODY, OpenRouterTransportException.class, null, 1,
							"OpenRouterTransportException"),
					Case.failure(kind, Fault.SLOW_FIRST_BYTE, OpenRouterTimeoutException.class,
							OpenRouterTimeoutException.Kind.FIRST_BYTE, 3, "timeout"),
					Case.failure(kind, Fault.STALL_DURING_BODY, OpenRouterTimeoutException.class,
							OpenRouterTimeoutException.Kind.STREAM_IDLE, 1, "timeout"),
					stream ? Case.failure(kind, Fault.TRUNCATED, IncompleteStreamException.class, null, 1,
							"IncompleteStreamException")
							: Case.failure(kind, Fault.TRUNCATED, OpenRouterTransportException.class, null, 1,
									"OpenRouterTransportException"),
					Case.failure(kind, Fault.MALFORMED_JSON, OpenRouterDecodingException.class, null, 1,
							"OpenRouterDecodingException"),
					Case.failure(kind, Fault.MALFORMED_SSE, OpenRouterDecodingException.class, null, 1,
							"OpenRouterDecodingException"),
					Case.failure(kind, Fault.HTML_ERROR_PAGE, ServerException.class, null, 3, "502"),
					Case.failure(kind, Fault.HTML_OK_PAGE, OpenRouterDecodingException.class, null, 1,
							"OpenRouterDecodingException"),
					Case.recovery(kind, Fault.RATE_LIMITED_429),
					Case.recovery(kind, Fault.UNAVAILABLE_503),
					Case.failure(kind, Fault.RATE_LIMITED_429, RateLimitException.class, null, 3, "rate_limit_error")
						.onVirtualTime(),
					Case.failure(kind, Fault.SERVER_ERROR_500, ServerException.class, null, 3, "api_error"),
					Case.failure(kind, Fault.BAD_GATEWAY_502, ServerException.class, null, 3, "api_error"),
					Case.failure(kind, Fault.OVERLOADED_529, ServerException.class, null, 3, "overloaded_error"));
		});
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void shouldEndEveryCallWithItsDocumentedOutcome(FaultClients.Transport transport, Case expected) throws Exception {
		this.clients = new FaultClients(16, transport);
		String callId = expected.callId();
		// Schedulers.parallel(), which the client looks up when it needs a timer, is this one until reset
		VirtualTimeScheduler virtualTime = expected.virtualTime() ? VirtualTimeScheduler.getOrSet() : null;
		if (virtualTime != null) {
			this.server.clock(() -> virtualTime.now(TimeUnit.MILLISECONDS));
		}
		CountDownLatch firstEvent = new CountDownLatch(1);
		this.server.resetGate(firstEvent);
		String baseUrl = (expected.fault() == Fault.REFUSED) ? refusedBaseUrl() : this.server.baseUrl();
		DefaultReactiveMessagesClient client = this.clients.client(baseUrl,
				(virtualTime != null) ? VIRTUAL_TIMEOUTS : TIMEOUTS, RETRIES);
		Fault serverFault = (expected.fault() == Fault.REFUSED) ? Fault.NONE : expected.fault();
		CompletableFuture<String> call = FaultCalls
			.call(client, expected.kind(), FaultCalls.options(callId, serverFault, expected.times()),
					(event) -> firstEvent.countDown())
			.toFuture();
		if (virtualTime != null) {
			await().atMost(CALL_BOUND).pollInterval(Duration.ofMillis(5)).until(() -> {
				virtualTime.advanceTimeBy(Duration.ofMillis(500));
				return call.isDone();
			});
		}
		Throwable failure = null;
		String text = null;
		try {
			text = call.get(CALL_BOUND.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			failure = ex.getCause();
		}
		catch (TimeoutException ex) {
			fail("The call did not end within " + CALL_BOUND);
		}
		if (expected.failure() == null) {
			assertThat(failure).as("failure").isNull();
			assertThat(text).isEqualTo(Replies.text(callId));
		}
		else {
			assertThat(failure).as("failure").isExactlyInstanceOf(expected.failure());
			assertThat(failure.getMessage()).doesNotContain(FaultClients.API_KEY);
			if (expected.timeoutKind() != null) {
				assertThat(((OpenRouterTimeoutException) failure).kind()).isEqualTo(expected.timeoutKind());
			}
			if (expected.fault() == Fault.HTML_ERROR_PAGE) {
				assertThat(((OpenRouterApiException) failure).rawBody()).contains("502 Bad Gateway");
			}
		}
		if (expected.attempts() != Case.NOT_REACHED) {
			assertThat(this.server.attempts(callId)).as("attempts").isEqualTo(expected.attempts());
		}
		if (virtualTime != null) {
			List<Long> arrivals = this.server.arrivals(callId);
			for (int i = 1; i < arrivals.size(); i++) {
				assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("virtual ms between attempts (Retry-After)")
					.isGreaterThanOrEqualTo(Long.parseLong(RETRY_AFTER_SECONDS) * 1000);
			}
		}
		this.clients.assertPoolDrained();
		assertThat(this.clients.durationCount(null)).as("operation.duration samples").isEqualTo(1);
		assertThat(this.clients.durationCount(expected.outcome(), expected.errorType()))
			.as("operation.duration sample with outcome=%s, error.type=%s", expected.outcome(), expected.errorType())
			.isEqualTo(1);
	}

	private static String refusedBaseUrl() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		return "http://127.0.0.1:" + port + "/api/v1";
	}

	/**
	 * One row of the matrix: a fault injected into a kind of call, and its documented outcome.
	 *
	 * @param kind create or stream
	 * @param fault the fault
	 * @param times how many attempts get the fault ({@code -1}: all)
	 * @param failure the exact exception class the call ends with, or {@code null} for success
	 * @param timeoutKind the timeout that trips, or {@code null}
	 * @param attempts the attempts that reach the server
	 * @param errorType the {@code error.type} tag of the duration sample
	 * @param virtualTime whether retry delays run on virtual time
	 */
	record Case(Kind kind, Fault fault, int times, @Nullable Class<? extends OpenRouterException> failure,
			OpenRouterTimeoutException.@Nullable Kind timeoutKind, int attempts, String errorType,
			boolean virtualTime) {

		static final int NOT_REACHED = -1;

		static Case failure(Kind kind, Fault fault, Class<? extends OpenRouterException> failure,
				OpenRouterTimeoutException.@Nullable Kind timeoutKind, int attempts, String errorType) {
			return new Case(kind, fault, -1, failure, timeoutKind, attempts, errorType, false);
		}

		/**
		 * The first attempt gets the fault (with {@code Retry-After}), the retry succeeds.
		 */
		static Case recovery(Kind kind, Fault fault) {
			return new Case(kind, fault, 1, null, null, 2, "none", true);
		}

		Case onVirtualTime() {
			return new Case(this.kind, this.fault, this.times, this.failure, this.timeoutKind, this.attempts,
					this.errorType, true);
		}

		String outcome() {
			return (this.failure != null) ? "error" : "success";
		}

		String callId() {
			return (this.kind + "-" + this.fault + "-" + this.times).toLowerCase(Locale.ROOT);
		}

		@Override
		public String toString() {
			String outcome = (this.failure != null) ? this.failure.getSimpleName()
					+ ((this.timeoutKind != null) ? "(" + this.timeoutKind + ")" : "") : "success";
			return this.kind + " " + this.fault + ((this.times > 0) ? " x" + this.times : "") + " -> " + outcome
					+ ((this.attempts != NOT_REACHED) ? " after " + this.attempts + " attempt(s)" : "");
		}

	}

}
