package io.github.openrouter.spring.messages.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.internal.ErrorMapper;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Retries}, in virtual time ({@code Schedulers.parallel()}, looked up when used,
 * is the virtual-time scheduler then).
 */
class RetriesTests {

	private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0,
			0.0, Duration.ofSeconds(60));

	private static final Duration BUDGET = Duration.ofMinutes(10);

	private final AtomicInteger attempts = new AtomicInteger();

	private static Support support(RetryPolicy policy, double ignored) {
		return new Support(policy);
	}

	/** Applies {@link Retries} as the client does. */
	private record Support(RetryPolicy policy) {

		<T> Mono<T> retry(Mono<T> attempt, Duration budget) {
			return attempt.retryWhen(new Retries(this.policy, budget, false, () -> false));
		}

		<T> Flux<T> retryBeforeFirstElement(Flux<T> attempt, Duration budget) {
			return Flux.defer(() -> {
				AtomicBoolean delivered = new AtomicBoolean();
				return attempt.doOnNext((element) -> delivered.set(true))
					.retryWhen(new Retries(this.policy, budget, false, delivered::get));
			});
		}

		@Nullable Duration delayBeforeRetry(Throwable failure, long retriesSoFar, Duration remaining) {
			return new Retries(this.policy, BUDGET, false, () -> false).delayBeforeRetry(failure, retriesSoFar,
					remaining);
		}

	}

	private static OpenRouterApiException error(int status, String retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		if (retryAfter != null) {
			headers.add("Retry-After", retryAfter);
		}
		return ErrorMapper.map(status, headers,
				"{\"type\":\"error\",\"error\":{\"type\":\"x\",\"message\":\"m\"}}".getBytes(StandardCharsets.UTF_8));
	}

	private Mono<String> failingTimes(int failures, RuntimeException failure) {
		return Mono.defer(() -> (this.attempts.incrementAndGet() <= failures) ? Mono.error(failure) : Mono.just("ok"));
	}

	@Test
	void shouldRetry429AfterBackoffThenSucceed() {
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(failingTimes(1, error(429, null)), BUDGET))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void cancelDuringTheBackoffShouldEndTheCallWithoutAnotherAttempt() {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();
		try {
			AtomicInteger cancels = new AtomicInteger();
			Disposable call = support(POLICY, 0).retry(failingTimes(1, error(429, null)), BUDGET)
				.doOnCancel(cancels::incrementAndGet)
				.subscribe();
			assertThat(this.attempts).hasValue(1);
			assertThat(scheduler.getScheduledTaskCount()).isPositive();
			call.dispose();
			scheduler.advanceTimeBy(Duration.ofMinutes(1));
			assertThat(this.attempts).hasValue(1);
			assertThat(cancels).hasValue(1);
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void manyRetriesShouldNotDeepenTheCall() {
		// a policy may allow any number of attempts within its budget: each retry must replace the
		// failed attempt, not nest inside it (20,000 nested attempts overflow the stack; retryWhen
		// re-subscribes at a fixed depth)
		RetryPolicy everyMoment = new RetryPolicy(20_001, Duration.ZERO, Duration.ZERO, 1.0, 0.0, Duration.ZERO);
		OpenRouterTransportException refused = new OpenRouterTransportException("refused", null);
		StepVerifier.create(support(everyMoment, 0).retry(failingTimes(20_000, refused), Duration.ofHours(1)))
			.expectNext("ok")
			.expectComplete()
			.verify(Duration.ofSeconds(60));
		assertThat(this.attempts).hasValue(20_001);
		AtomicInteger streamAttempts = new AtomicInteger();
		Flux<Integer> stream = Flux.defer(() -> (streamAttempts.incrementAndGet() <= 20_000) ? Flux.error(refused)
				: Flux.range(1, 3));
		StepVerifier.create(support(everyMoment, 0).retryBeforeFirstElement(stream, Duration.ofHours(1)))
			.expectNext(1, 2, 3)
			.expectComplete()
			.verify(Duration.ofSeconds(60));
		assertThat(streamAttempts).hasValue(20_001);
	}

	@Test
	void shouldWaitRetryAfterOf503() {
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(failingTimes(1, error(503, "3")), BUDGET))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(2999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void shouldBackOffExponentiallyThrough529StormAndGiveUp() {
		OpenRouterApiException overloaded = error(529, null);
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(failingTimes(100, overloaded), BUDGET))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(500))
			.then(() -> assertThat(this.attempts).hasValue(2))
			.expectNoEvent(Duration.ofMillis(1000))
			.then(() -> assertThat(this.attempts).hasValue(3))
			.expectNoEvent(Duration.ofMillis(1999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(overloaded))
			.verify();
		assertThat(this.attempts).hasValue(4);
	}

	@Test
	void shouldCapBackoffAtMaxBackoff() {
		RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(2), 10.0, 0.0,
				Duration.ofSeconds(60));
		Support support = support(policy, 0);
		OpenRouterApiException failure = error(500, null);
		assertThat(support.delayBeforeRetry(failure, 0, BUDGET)).isEqualTo(Duration.ofSeconds(1));
		assertThat(support.delayBeforeRetry(failure, 1, BUDGET)).isEqualTo(Duration.ofSeconds(2));
		assertThat(support.delayBeforeRetry(failure, 5, BUDGET)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void shouldApplyJitterBelowTheComputedDelay() {
		RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8), 2.0, 0.5,
				Duration.ofSeconds(60));
		for (int i = 0; i < 100; i++) {
			assertThat(support(policy, 0).delayBeforeRetry(error(500, null), 0, BUDGET))
				.isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
		}
	}

	@Test
	void shouldNeverRetry400() {
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(failingTimes(1, error(400, null)), BUDGET))
			.expectSubscription()
			.expectError(OpenRouterApiException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void shouldNotRetryNonClientExceptions() {
		StepVerifier.withVirtualTime(
				() -> support(POLICY, 0).retry(failingTimes(1, new IllegalStateException("bug")), BUDGET))
			.expectSubscription()
			.expectError(IllegalStateException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void shouldRetryConnectionFailures() {
		StepVerifier.withVirtualTime(() -> support(POLICY, 0)
			.retry(failingTimes(2, new OpenRouterTransportException("refused", null)), BUDGET))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(1500))
			.expectNext("ok")
			.verifyComplete();
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void shouldNotRetryTotalTimeout() {
		OpenRouterTimeoutException total = new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.TOTAL,
				BUDGET, null);
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(failingTimes(1, total), BUDGET))
			.expectSubscription()
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(total))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void shouldGiveUpWhenRetryAfterExceedsCap() {
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(failingTimes(1, error(429, "61")), BUDGET))
			.expectSubscription()
			.expectError(OpenRouterApiException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void shouldGiveUpWhenDelayWouldExceedBudget() {
		StepVerifier
			.withVirtualTime(
					() -> support(POLICY, 0).retry(failingTimes(1, error(503, "30")), Duration.ofSeconds(20)))
			.expectSubscription()
			.expectError(OpenRouterApiException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void budgetShouldCountTimeSpentInEarlierAttempts() {
		Mono<String> slowFailure = Mono.defer(() -> {
			this.attempts.incrementAndGet();
			return Mono.delay(Duration.ofSeconds(8)).then(Mono.error(error(503, "1")));
		});
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(slowFailure, Duration.ofSeconds(18)))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(8 + 1 + 8))
			.expectError(OpenRouterApiException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void shouldRetryStreamThatFailsBeforeFirstElement() {
		Flux<String> stream = Flux.defer(() -> (this.attempts.incrementAndGet() == 1) ? Flux.error(error(529, null))
				: Flux.just("a", "b"));
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retryBeforeFirstElement(stream, BUDGET))
			.expectSubscription()
			.thenAwait(Duration.ofMillis(500))
			.expectNext("a", "b")
			.verifyComplete();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void shouldNeverRetryStreamAfterFirstElement() {
		OpenRouterStreamException midStream = new OpenRouterStreamException("overloaded_error", null, "busy", null,
				false);
		Flux<String> stream = Flux.defer(() -> {
			this.attempts.incrementAndGet();
			return Flux.just("a").concatWith(Flux.error(midStream));
		});
		StepVerifier.withVirtualTime(() -> support(POLICY, 0).retryBeforeFirstElement(stream, BUDGET))
			.expectSubscription()
			.expectNext("a")
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(midStream))
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void singleAttemptPolicyShouldPassThrough() {
		StepVerifier.create(support(RetryPolicy.none(), 0).retry(failingTimes(1, error(503, "0")), BUDGET))
			.expectError(OpenRouterApiException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void shouldNotRetryAFirstByteTimeoutOfACreateUnlessThePolicySaysSo() {
		OpenRouterTimeoutException firstByte = new OpenRouterTimeoutException(
				OpenRouterTimeoutException.Kind.FIRST_BYTE, Duration.ofSeconds(60), null);
		assertThat(new Retries(POLICY, BUDGET, true, () -> false).delayBeforeRetry(firstByte, 0, BUDGET)).isNull();
		assertThat(new Retries(POLICY.withRetryFirstByteTimeouts(true), BUDGET, true, () -> false)
			.delayBeforeRetry(firstByte, 0, BUDGET)).isEqualTo(Duration.ofMillis(500));
		// a stream's first-byte timeout: nothing was generated yet
		assertThat(new Retries(POLICY, BUDGET, false, () -> false).delayBeforeRetry(firstByte, 0, BUDGET))
			.isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void shouldEndTheCallOnAnAbsurdRetryAfterWithoutOverflowing() {
		// both values overflow a long of milliseconds while being read (a negative delay)
		HttpHeaders seconds = new HttpHeaders();
		seconds.add("Retry-After", "9223372036854776");
		HttpHeaders millis = new HttpHeaders();
		millis.add("retry-after-ms", "9223372036854775808");
		for (HttpHeaders headers : java.util.List.of(seconds, millis)) {
			OpenRouterApiException failure = ErrorMapper.map(429, headers,
					"{\"type\":\"error\",\"error\":{\"type\":\"x\",\"message\":\"m\"}}".getBytes(StandardCharsets.UTF_8));
			StepVerifier.withVirtualTime(() -> support(POLICY, 0).retry(Mono.error(failure), BUDGET))
				.expectSubscription()
				.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
				.verify(Duration.ofSeconds(5));
		}
	}

}
