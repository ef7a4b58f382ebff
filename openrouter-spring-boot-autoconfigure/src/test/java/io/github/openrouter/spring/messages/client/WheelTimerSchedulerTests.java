package io.github.openrouter.spring.messages.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WheelTimerScheduler}.
 */
class WheelTimerSchedulerTests {

	private final WheelTimerScheduler timer = WheelTimerScheduler.shared();

	@Test
	void shouldRunADelayedTaskOnAReactorParallelThreadNotOnTheWheel() throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		AtomicReference<String> thread = new AtomicReference<>();
		this.timer.schedule(() -> {
			thread.set(Thread.currentThread().getName());
			ran.countDown();
		}, 20, TimeUnit.MILLISECONDS);
		assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(thread.get()).startsWith("parallel-").doesNotContain("openrouter-timer");
	}

	@Test
	void shouldNeverRunADisposedTask() throws InterruptedException {
		AtomicBoolean cancelledRan = new AtomicBoolean();
		Disposable cancelled = this.timer.schedule(() -> cancelledRan.set(true), 10, TimeUnit.MILLISECONDS);
		cancelled.dispose();
		CountDownLatch later = new CountDownLatch(1);
		this.timer.schedule(later::countDown, 100, TimeUnit.MILLISECONDS);
		assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(cancelled.isDisposed()).isTrue();
		assertThat(cancelledRan).isFalse();
	}

	@Test
	void shouldDriveReactorDelaysAndTimeouts() {
		assertThat(Mono.delay(Duration.ofMillis(30), this.timer).block(Duration.ofSeconds(10))).isZero();
		assertThat(Mono.never()
			.timeout(Duration.ofMillis(30), Mono.just("timed out"), this.timer)
			.block(Duration.ofSeconds(10))).isEqualTo("timed out");
	}

	@Test
	void shouldLeaveNoArmedTimeoutBehindACompletedTimeoutOperator() throws InterruptedException {
		for (int i = 0; i < 1000; i++) {
			Mono.just(i).timeout(Duration.ofMinutes(5), this.timer).block();
		}
		// Cancelled timeouts are swept on the next tick; wait for a tick through the wheel itself.
		CountDownLatch tick = new CountDownLatch(1);
		this.timer.schedule(tick::countDown, 30, TimeUnit.MILLISECONDS);
		assertThat(tick.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.timer.pendingTimeouts()).isLessThan(100);
	}

}
