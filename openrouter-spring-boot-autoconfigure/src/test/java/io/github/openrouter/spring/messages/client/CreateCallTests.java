package io.github.openrouter.spring.messages.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CreateCall}: attempts, retry delays, the three time limits on one timer task,
 * the body bound, and that exactly one outcome ends a call, in virtual time.
 */
class CreateCallTests {

	private static final ClientTimeouts TIMEOUTS = new ClientTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10),
			Duration.ofSeconds(5), Duration.ofSeconds(60));

	private static final RetryPolicy THREE_ATTEMPTS = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1),
			1.0, 0.0, Duration.ofSeconds(60));

	private static final String ANSWER = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],"
			+ "\"model\":\"m\",\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}";

	private static final MessageRequest REQUEST = MessageRequest.builder()
		.model("m")
		.maxTokens(8)
		.addUserMessage("Hi")
		.build();

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final CountingScheduler timer = new CountingScheduler(this.time);

	private final FakeSteps steps = new FakeSteps();

	@Test
	void shouldDecodeTheBodyOfTheFirstAnswerWithOneTimerTask() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(call(RetryPolicy.none(), 1024))
			.then(() -> this.steps.answer(0, body))
			.then(() -> body.next(buffer(ANSWER.substring(0, 40))).next(buffer(ANSWER.substring(40))).complete())
			.assertNext((response) -> assertThat(response.id()).isEqualTo("msg_1"))
			.verifyComplete();
		assertThat(this.steps.decoded).containsExactly(ANSWER);
		assertThat(this.steps.received).hasValue(1);
		assertThat(this.timer.scheduled).hasValue(1);
		assertThat(this.timer.live()).isZero();
	}

	@Test
	void shouldRetryAfterAFirstByteTimeoutAndCancelTheLateAnswer() {
		TestPublisher<DataBuffer> late = TestPublisher.create();
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(call(THREE_ATTEMPTS, 1024))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(10)))
			.then(() -> this.steps.heads.get(0).assertCancelled())
			.then(() -> this.steps.answer(0, late))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(1)))
			.then(() -> assertThat(this.steps.heads).hasSize(2))
			.then(() -> this.steps.answer(1, body))
			.then(() -> body.next(buffer(ANSWER)).complete())
			.expectNextCount(1)
			.verifyComplete();
		late.assertWasCancelled();
		assertThat(this.steps.decoded).containsExactly(ANSWER);
		assertThat(this.timer.live()).isZero();
	}

	@Test
	void shouldFailWithTheFirstByteTimeoutWhenNoAttemptIsLeft() {
		StepVerifier.create(call(RetryPolicy.none(), 16))
			.then(() -> this.time.advanceTimeBy(Duration.ofMillis(9_999)))
			.expectNoEvent(Duration.ZERO)
			.then(() -> this.time.advanceTimeBy(Duration.ofMillis(1)))
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(OpenRouterTimeoutException.class,
					(timeout) -> assertThat(timeout.kind()).isEqualTo(OpenRouterTimeoutException.Kind.FIRST_BYTE)));
		this.steps.heads.get(0).assertCancelled();
	}

	@Test
	void shouldFailABodyThatGoesSilentWithoutRetrying() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(call(THREE_ATTEMPTS, 1024))
			.then(() -> this.steps.answer(0, body))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(4)))
			.then(() -> body.next(buffer("{\"id\"")))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(4)))
			.expectNoEvent(Duration.ZERO)
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(1)))
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(OpenRouterTimeoutException.class,
					(timeout) -> assertThat(timeout.kind()).isEqualTo(OpenRouterTimeoutException.Kind.STREAM_IDLE)));
		body.assertCancelled();
		assertThat(this.steps.heads).hasSize(1);
	}

	@Test
	void shouldEndWithTheTotalTimeoutWhateverTheStage() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(call(new RetryPolicy(100, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0,
				Duration.ofSeconds(60)), 1024))
			// first-byte timeouts and one-second delays: 11 s per attempt; the sixth attempt's body trickles
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(55)))
			.then(() -> this.steps.answer(5, body))
			.then(() -> body.next(buffer("{")))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(4)))
			.then(() -> body.next(buffer("\"")))
			.expectNoEvent(Duration.ZERO)
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(1)))
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(OpenRouterTimeoutException.class,
					(timeout) -> assertThat(timeout.kind()).isEqualTo(OpenRouterTimeoutException.Kind.TOTAL)));
		assertThat(this.steps.heads).hasSize(6);
		body.assertCancelled();
		assertThat(this.timer.live()).isZero();
	}

	@Test
	void shouldRetryRetryableFailuresAndPassOnTheOthersTranslated() {
		StepVerifier.create(call(THREE_ATTEMPTS, 16))
			.then(() -> this.steps.heads.get(0).error(new OpenRouterTransportException("reset", null, true)))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(1)))
			.then(() -> this.steps.heads.get(1).error(new IllegalStateException("not retryable")))
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(OpenRouterTransportException.class)
				.hasMessageContaining("translated")
				.hasCauseInstanceOf(IllegalStateException.class));
		assertThat(this.steps.heads).hasSize(2);
	}

	@Test
	void shouldCancelABodyOverTheBoundAndNotRetryIt() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(call(THREE_ATTEMPTS, 16))
			.then(() -> this.steps.answer(0, body))
			.then(() -> body.next(buffer("0123456789")).next(buffer("0123456789")))
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(OpenRouterDecodingException.class)
				.hasMessageContaining("in body")
				.hasMessageContaining("16"));
		body.assertCancelled();
		assertThat(this.steps.heads).hasSize(1);
	}

	@Test
	void shouldFailAnExchangeThatEndsWithoutAnAnswer() {
		StepVerifier.create(call(THREE_ATTEMPTS, 16))
			.then(() -> this.steps.heads.get(0).complete())
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(OpenRouterTransportException.class)
				.hasMessageContaining("without a response"));
		assertThat(this.steps.heads).hasSize(1);
	}

	@Test
	void shouldFailWithoutSendingWhenPreparationFails() {
		this.steps.prepareFailure = new IllegalArgumentException("max_tokens must be positive");
		StepVerifier.create(call(THREE_ATTEMPTS, 16)).verifyErrorMessage("max_tokens must be positive");
		assertThat(this.steps.heads).isEmpty();
		assertThat(this.timer.scheduled).hasValue(0);
	}

	@Test
	void shouldPassOnADecodingFailureWithoutRetrying() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		StepVerifier.create(call(THREE_ATTEMPTS, 1024))
			.then(() -> this.steps.answer(0, body))
			.then(() -> body.next(buffer("not json")).complete())
			.verifyError(OpenRouterDecodingException.class);
		assertThat(this.steps.heads).hasSize(1);
		assertThat(this.timer.live()).isZero();
	}

	@Test
	void shouldCancelWhatRunsAndSignalNothingWhenTheCallerCancels() {
		TestPublisher<DataBuffer> body = TestPublisher.create();
		List<Object> signals = new ArrayList<>();
		Disposable subscription = call(THREE_ATTEMPTS, 1024).subscribe(signals::add, signals::add,
				() -> signals.add("complete"));
		this.steps.answer(0, body);
		body.next(buffer("{"));
		subscription.dispose();
		body.assertCancelled();
		this.time.advanceTimeBy(Duration.ofMinutes(5));
		assertThat(signals).isEmpty();
		assertThat(this.timer.live()).isZero();
		assertThat(this.steps.heads).hasSize(1);
	}

	@Test
	void shouldNotRetryAfterTheCallerCancelledDuringADelay() {
		Disposable subscription = call(THREE_ATTEMPTS, 16).subscribe((response) -> {
		}, (failure) -> {
		});
		this.steps.heads.get(0).error(new OpenRouterTransportException("reset", null, true));
		subscription.dispose();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(this.steps.heads).hasSize(1);
		assertThat(this.timer.live()).isZero();
	}

	@Test
	void shouldKeepTheOtherLimitsWhenOneMeansNone() {
		// an idle limit of ~292 years ("none") must not push the first-byte limit out with it
		ClientTimeouts noIdleLimit = new ClientTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10),
				Duration.ofNanos(Long.MAX_VALUE), Duration.ofSeconds(60));
		StepVerifier.create(call(RetryPolicy.none(), 16, noIdleLimit, this.timer))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(10)))
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOfSatisfying(OpenRouterTimeoutException.class,
					(timeout) -> assertThat(timeout.kind()).isEqualTo(OpenRouterTimeoutException.Kind.FIRST_BYTE)));
	}

	@Test
	void shouldEndTheCallWhenTheTimerRefusesItsTask() {
		Scheduler refusing = new CountingScheduler(this.time) {

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				throw new RejectedExecutionException("disposed");
			}

		};
		StepVerifier.create(call(THREE_ATTEMPTS, 16, TIMEOUTS, refusing))
			.verifyErrorSatisfies((failure) -> assertThat(failure).isInstanceOf(OpenRouterTransportException.class)
				.hasMessageContaining("time limits")
				.hasCauseInstanceOf(RejectedExecutionException.class));
		this.steps.heads.forEach((head) -> assertThat(head.wasSubscribed()).isFalse());
	}

	@Test
	void shouldDiscardALateAnswerWhoseBodyFailsWithoutDroppingAnError() {
		List<Throwable> dropped = new ArrayList<>();
		Hooks.onErrorDropped(dropped::add);
		try {
			StepVerifier.create(call(RetryPolicy.none(), 16))
				.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(10)))
				.expectError(OpenRouterTimeoutException.class)
				.verify();
			this.steps.heads.get(0)
				.emit(new ExchangeResponse(200, new HttpHeaders(), Flux.error(new IllegalStateException("released"))));
		}
		finally {
			Hooks.resetOnErrorDropped();
		}
		assertThat(dropped).isEmpty();
	}

	private Mono<MessageResponse> call(RetryPolicy policy, int maxBodyBytes) {
		return call(policy, maxBodyBytes, TIMEOUTS, this.timer);
	}

	private Mono<MessageResponse> call(RetryPolicy policy, int maxBodyBytes, ClientTimeouts timeouts, Scheduler timer) {
		RetrySupport retry = new RetrySupport(policy, () -> timer, () -> 0.0);
		CreateCall.Plan plan = new CreateCall.Plan(this.steps, retry, timeouts, maxBodyBytes);
		return new CreateCall(plan, REQUEST, RequestOptions.none(), timer);
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Steps whose attempts are test publishers the test answers or fails.
	 */
	private static final class FakeSteps implements CreateCall.Steps {

		private final JsonMapper mapper = JsonMapper.builder().build();

		final List<TestPublisher<ExchangeResponse>> heads = new ArrayList<>();

		final List<String> decoded = new ArrayList<>();

		final AtomicInteger received = new AtomicInteger();

		RuntimeException prepareFailure;

		@Override
		public RequestPreparer.Prepared prepare(MessageRequest request, RequestOptions options) {
			if (this.prepareFailure != null) {
				throw this.prepareFailure;
			}
			return new RequestPreparer.Prepared(new byte[0], new HttpHeaders(), new String[0], TIMEOUTS.total());
		}

		@Override
		public Mono<ExchangeResponse> send(RequestPreparer.Prepared call, long startedNanos) {
			TestPublisher<ExchangeResponse> head = TestPublisher.createNoncompliant(
					TestPublisher.Violation.CLEANUP_ON_TERMINATE);
			this.heads.add(head);
			return head.mono();
		}

		void answer(int attempt, TestPublisher<DataBuffer> body) {
			this.heads.get(attempt).emit(new ExchangeResponse(200, new HttpHeaders(), body.flux()));
		}

		@Override
		public void received(int status, long startedNanos) {
			this.received.incrementAndGet();
		}

		@Override
		public MessageResponse decode(byte[] body, HttpHeaders headers) {
			String text = new String(body, StandardCharsets.UTF_8);
			this.decoded.add(text);
			try {
				return this.mapper.readValue(text, MessageResponse.class);
			}
			catch (RuntimeException ex) {
				throw new OpenRouterDecodingException("Malformed JSON", ex);
			}
		}

		@Override
		public Throwable translate(Throwable failure, boolean inBody) {
			if (failure instanceof OpenRouterException) {
				return failure;
			}
			String where = inBody ? "in body" : "in exchange";
			return (failure instanceof org.springframework.core.io.buffer.DataBufferLimitException)
					? new OpenRouterDecodingException(where + ": " + failure.getMessage(), failure)
					: new OpenRouterTransportException("translated " + where, failure, false);
		}

	}

	/**
	 * Counts the tasks scheduled on a virtual-time scheduler and how many are neither run nor disposed.
	 */
	private static class CountingScheduler implements Scheduler {

		private final VirtualTimeScheduler delegate;

		final AtomicInteger scheduled = new AtomicInteger();

		private final List<Disposable> tasks = new ArrayList<>();

		private final List<Boolean> ran = new ArrayList<>();

		CountingScheduler(VirtualTimeScheduler delegate) {
			this.delegate = delegate;
		}

		@Override
		public Disposable schedule(Runnable task) {
			return schedule(task, 0, TimeUnit.NANOSECONDS);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			this.scheduled.incrementAndGet();
			int index = this.ran.size();
			this.ran.add(false);
			Disposable disposable = this.delegate.schedule(() -> {
				this.ran.set(index, true);
				task.run();
			}, delay, unit);
			this.tasks.add(disposable);
			return disposable;
		}

		/** The tasks still pending: scheduled, not run and not disposed. */
		long live() {
			long live = 0;
			for (int i = 0; i < this.tasks.size(); i++) {
				if (!this.ran.get(i) && !this.tasks.get(i).isDisposed()) {
					live++;
				}
			}
			return live;
		}

		@Override
		public long now(TimeUnit unit) {
			return this.delegate.now(unit);
		}

		@Override
		public Worker createWorker() {
			return this.delegate.createWorker();
		}

	}

}
