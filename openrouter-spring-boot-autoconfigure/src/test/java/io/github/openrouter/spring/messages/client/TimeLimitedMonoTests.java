package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimeLimitedMono}.
 */
class TimeLimitedMonoTests {

	private static final long LIMIT_NANOS = Duration.ofSeconds(5).toNanos();

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	@Test
	void shouldPassOnAValueThatArrivesInTime() {
		TestPublisher<String> source = TestPublisher.create();
		StepVerifier.create(limited(source.mono()))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(4)))
			.then(() -> source.emit("answer"))
			.expectNext("answer")
			.verifyComplete();
	}

	@Test
	void shouldPassOnAnEmptyCompletionAndAnError() {
		StepVerifier.create(limited(Mono.<String>empty())).verifyComplete();
		StepVerifier.create(limited(Mono.<String>error(new IllegalStateException("refused"))))
			.verifyErrorMessage("refused");
	}

	@Test
	void shouldFailAndCancelTheSourceAtTheLimit() {
		TestPublisher<String> source = TestPublisher.create();
		StepVerifier.create(limited(source.mono()))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(4)))
			.expectNoEvent(Duration.ZERO)
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(1)))
			.verifyErrorMessage("too slow");
		source.assertCancelled();
	}

	@Test
	void shouldHandAValueThatArrivesAfterTheLimitToTheDropHandler() {
		TestPublisher<String> source = TestPublisher.createNoncompliant(TestPublisher.Violation.CLEANUP_ON_TERMINATE);
		List<String> dropped = new ArrayList<>();
		StepVerifier
			.create(TimeLimitedMono.limit(source.mono(), this.time, LIMIT_NANOS,
					() -> new IllegalStateException("too slow"), dropped::add))
			.then(() -> this.time.advanceTimeBy(Duration.ofSeconds(5)))
			.verifyErrorMessage("too slow");
		source.next("late");
		assertThat(dropped).containsExactly("late");
	}

	@Test
	void shouldCancelTheSourceAndNeverFailWhenTheCallerCancels() {
		TestPublisher<String> source = TestPublisher.create();
		StepVerifier.create(limited(source.mono())).thenCancel().verify(Duration.ofSeconds(5));
		source.assertCancelled();
		List<Throwable> errors = new ArrayList<>();
		limited(Mono.<String>never()).subscribe((value) -> {
		}, errors::add).dispose();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(errors).isEmpty();
	}

	private Mono<String> limited(Mono<String> source) {
		return TimeLimitedMono.limit(source, this.time, LIMIT_NANOS, () -> new IllegalStateException("too slow"));
	}

}
