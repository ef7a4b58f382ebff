package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttemptLimits}, in virtual time: whatever the limits and the timing of the head,
 * the body's buffers, its end and its decoding, the one timer expires exactly when the first limit
 * a reference model computes is reached, with that limit's kind, or never if the attempt ends first.
 */
class AttemptLimitsTests {

	@AfterEach
	void resetSchedulers() {
		VirtualTimeScheduler.reset();
		Schedulers.resetFactory();
	}

	@Test
	void shouldExpireAtTheFirstLimitReachedUnderRandomLimitsAndTiming() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int run = 0; run < 3_000; run++) {
			Case given = Case.random(random);
			Expiry expected = given.expected();
			Expiry actual = given.run();
			assertThat(actual).as("seed %d, run %d: %s", seed, run, given).isEqualTo(expected);
		}
	}

	@Test
	void shouldQuoteTheLimitThatWasReached() {
		VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
		LongSupplier clock = () -> time.now(TimeUnit.NANOSECONDS);
		AttemptLimits limits = new AttemptLimits(clock, Duration.ofMillis(30), Duration.ofMillis(20),
				Duration.ofMillis(100), clock.getAsLong() + Duration.ofMillis(100).toNanos());
		Disposable expiry = limits.expiry().subscribe();
		time.advanceTimeBy(Duration.ofMillis(10));
		limits.headArrived();
		time.advanceTimeBy(Duration.ofMillis(25));
		assertThat(expiry.isDisposed()).isTrue();
		OpenRouterTimeoutException error = limits.error();
		assertThat(error.kind()).isEqualTo(Kind.STREAM_IDLE);
		assertThat(error.timeout()).isEqualTo(Duration.ofMillis(20));
	}

	/** When and how the limits expired; {@code never} if the attempt ended first. */
	record Expiry(long atMillis, @Nullable Kind kind) {

		static final Expiry NEVER = new Expiry(-1, null);

	}

	/**
	 * One attempt: limits in milliseconds ({@code firstByte} may be absent), the head's arrival, the
	 * buffers' arrivals, the body's end and the end of its decoding, each in milliseconds from the
	 * start ({@code -1}: never).
	 */
	record Case(@Nullable Long firstByte, long idle, long total, long head, List<Long> data, long end, long decoded) {

		static Case random(Random random) {
			Long firstByte = (random.nextInt(4) == 0) ? null : 1L + random.nextInt(60);
			long idle = 1 + random.nextInt(60);
			long total = 1 + random.nextInt(200);
			long head = (random.nextInt(6) == 0) ? -1 : random.nextInt(80);
			List<Long> data = new ArrayList<>();
			long at = Math.max(0, head);
			int buffers = random.nextInt(6);
			for (int i = 0; i < buffers; i++) {
				at += random.nextInt(50);
				data.add(at);
			}
			long end = (head < 0 || random.nextInt(6) == 0) ? -1 : at + random.nextInt(50);
			long decoded = (end < 0) ? -1 : end + random.nextInt(150);
			return new Case(firstByte, idle, total, head, data, end, decoded);
		}

		/** The reference model: each wait in turn, limited by its own limit and the deadline. */
		Expiry expected() {
			long due = (this.firstByte != null) ? Math.min(this.firstByte, this.total) : this.total;
			if (this.head < 0 || this.head >= due) {
				return expiry(due, Kind.FIRST_BYTE);
			}
			long since = this.head;
			for (long at : this.data) {
				due = Math.min(since + this.idle, this.total);
				if (at >= due) {
					return expiry(due, Kind.STREAM_IDLE);
				}
				since = at;
			}
			due = Math.min(since + this.idle, this.total);
			if (this.end < 0 || this.end >= due) {
				return expiry(due, Kind.STREAM_IDLE);
			}
			// decoding: the server's silence no longer counts, only the deadline
			return (this.decoded < this.total) ? Expiry.NEVER : expiry(this.total, Kind.TOTAL);
		}

		private Expiry expiry(long due, Kind kind) {
			return new Expiry(due, (due >= this.total) ? Kind.TOTAL : kind);
		}

		/** Runs the case in virtual time, up to well past every limit. */
		Expiry run() {
			VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
			long start = now(time);
			try {
				LongSupplier clock = () -> time.now(TimeUnit.NANOSECONDS);
				AttemptLimits limits = new AttemptLimits(clock,
						(this.firstByte != null) ? Duration.ofMillis(this.firstByte) : null, Duration.ofMillis(this.idle),
						Duration.ofMillis(this.total), clock.getAsLong() + Duration.ofMillis(this.total).toNanos());
				AtomicLong expiredAt = new AtomicLong(-1);
				Disposable expiry = limits.expiry().subscribe((tick) -> expiredAt.set(now(time) - start));
				if (this.head >= 0 && advanceTo(time, start + this.head, expiredAt)) {
					limits.headArrived();
					for (long at : this.data) {
						if (!advanceTo(time, start + at, expiredAt)) {
							break;
						}
						limits.dataArrived();
					}
				}
				if (this.end >= 0 && advanceTo(time, start + this.end, expiredAt)) {
					limits.bodyRead();
					if (advanceTo(time, start + this.decoded, expiredAt)) {
						expiry.dispose();
					}
				}
				time.advanceTimeBy(Duration.ofMillis(1_000));
				long at = expiredAt.get();
				return (at < 0) ? Expiry.NEVER : new Expiry(at, limits.error().kind());
			}
			finally {
				VirtualTimeScheduler.reset();
			}
		}

		/** Moves the clock to a moment (virtual milliseconds); tells whether the limits are still running then. */
		private static boolean advanceTo(VirtualTimeScheduler time, long millis, AtomicLong expiredAt) {
			time.advanceTimeBy(Duration.ofMillis(millis - now(time)));
			return expiredAt.get() < 0;
		}

		private static long now(VirtualTimeScheduler time) {
			return time.now(TimeUnit.MILLISECONDS);
		}

	}

}
