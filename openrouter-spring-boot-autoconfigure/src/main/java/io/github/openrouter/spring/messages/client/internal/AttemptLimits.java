package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The time limits of one attempt of a call whose answer is read whole (a {@code create}, a GET
 * of the account API), kept by one timer: the wait for the answer's head ({@code firstByte}),
 * each silence of the server while the body is read ({@code streamIdle}; the reader of a whole
 * body always has demand), and the call's deadline ({@code total}, all attempts and the delays
 * between them), whichever comes first.
 *
 * <p>
 * The head and each body buffer only write a time ({@link #headArrived()},
 * {@link #dataArrived()}); {@link #expiry()} sleeps on {@link Schedulers#parallel()} until the
 * nearest limit as it stands, then looks again, since the head or data may have moved it. So an
 * attempt schedules one timer task whatever its buffers, where a {@code timeout} per limit would
 * schedule three, each waking a scheduler thread. The attempt is bounded with Reactor's
 * {@code timeout(expiry(), Mono.error(limits::error))}, which cancels it when the expiry comes
 * first.
 */
final class AttemptLimits {

	private final @Nullable Duration firstByte;

	private final Duration idle;

	private final Duration total;

	private final long deadline;

	/** When the current wait started: the attempt, the head, or the last body buffer. */
	private volatile long since;

	/** Whether the head has arrived (the body is being read). */
	private volatile boolean reading;

	private volatile OpenRouterTimeoutException.@Nullable Kind reached;

	/**
	 * Starts the limits of an attempt, now.
	 * @param firstByte the longest wait for the head, or {@code null} for none but the deadline
	 * @param idle the longest silence while the body is read
	 * @param total the call's budget, quoted when the deadline is reached
	 * @param deadline the end of the call's budget, on the clock of {@link #now()}
	 */
	AttemptLimits(@Nullable Duration firstByte, Duration idle, Duration total, long deadline) {
		this.firstByte = firstByte;
		this.idle = idle;
		this.total = total;
		this.deadline = deadline;
		this.since = now();
	}

	/**
	 * Returns the end of a budget that starts now.
	 * @param budget the budget
	 * @return its end, on the clock of {@link #now()}
	 */
	static long deadline(Duration budget) {
		return now() + budget.toNanos();
	}

	/**
	 * The clock of the limits: {@link Schedulers#parallel()}'s, looked up each time (so that
	 * virtual time applies), in nanoseconds.
	 * @return the time
	 */
	static long now() {
		return Schedulers.parallel().now(TimeUnit.NANOSECONDS);
	}

	/** The head has arrived: from now on the body's silences are limited. */
	void headArrived() {
		// written before the flag: a timer that sees the flag sees this time
		this.since = now();
		this.reading = true;
	}

	/** A body buffer has arrived: the silence starts again. */
	void dataArrived() {
		this.since = now();
	}

	/**
	 * Completes when a limit is reached: a {@code Mono.delay} until the nearest limit, repeated
	 * while the limit has moved on meanwhile. It never sleeps longer than the idle limit, so that a
	 * head arriving meanwhile, whose idle limit may end before the first-byte limit would have, is
	 * looked at in time.
	 * @return the expiry, for {@code timeout}
	 */
	Mono<Long> expiry() {
		return Mono
			.defer(() -> Mono.delay(
					Duration.ofNanos(Math.max(0, Math.min(untilLimit(now(), this.reading), this.idle.toNanos()))),
					Schedulers.parallel()))
			.repeat()
			.filter((tick) -> expired())
			.next();
	}

	/**
	 * Returns the error of the limit that {@link #expiry()} found reached.
	 * @return the timeout exception
	 */
	OpenRouterTimeoutException error() {
		OpenRouterTimeoutException.Kind kind = this.reached;
		Duration firstByte = this.firstByte;
		if (kind == OpenRouterTimeoutException.Kind.FIRST_BYTE && firstByte != null) {
			return TransportErrors.timeout(kind, firstByte);
		}
		if (kind == OpenRouterTimeoutException.Kind.STREAM_IDLE) {
			return TransportErrors.timeout(kind, this.idle);
		}
		return TransportErrors.timeout(OpenRouterTimeoutException.Kind.TOTAL, this.total);
	}

	/** Tells whether a limit is reached, and records which. */
	private boolean expired() {
		long now = now();
		boolean reading = this.reading;
		if (untilLimit(now, reading) > 0) {
			return false;
		}
		this.reached = (this.deadline - now <= 0) ? OpenRouterTimeoutException.Kind.TOTAL
				: reading ? OpenRouterTimeoutException.Kind.STREAM_IDLE : OpenRouterTimeoutException.Kind.FIRST_BYTE;
		return true;
	}

	/**
	 * Nanoseconds from {@code now} to the nearest limit; zero or less once one is reached. The
	 * flag is read before the time it guards: seeing the head, it sees the head's time or a later one.
	 */
	private long untilLimit(long now, boolean reading) {
		Duration limit = reading ? this.idle : this.firstByte;
		long untilDeadline = this.deadline - now;
		return (limit != null) ? Math.min(untilDeadline, this.since + limit.toNanos() - now) : untilDeadline;
	}

}
