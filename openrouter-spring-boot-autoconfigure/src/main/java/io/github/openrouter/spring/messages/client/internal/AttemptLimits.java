package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The time limits of one attempt of a call whose answer is read whole (a {@code create}, a GET
 * of the account API), kept by one timer: the wait for the answer's head ({@code firstByte}),
 * each silence of the server while the body is read ({@code streamIdle}; the reader of a whole
 * body always has demand), and the call's deadline ({@code total}, all attempts and the delays
 * between them, and the decoding of the body), whichever comes first.
 *
 * <p>
 * The head, each body buffer and the body's end only write a time or a phase
 * ({@link #headArrived()}, {@link #dataArrived()}, {@link #bodyRead()}); {@link #expiry()}
 * sleeps on {@link Schedulers#parallel()} until the nearest limit as it stands, then looks again,
 * since the head or data may have moved it. So an attempt schedules one timer task whatever its
 * buffers, where a {@code timeout} per limit would schedule three, each waking a scheduler
 * thread. The attempt is bounded with Reactor's
 * {@code timeout(expiry(), Mono.error(limits::error))}, which cancels it when the expiry comes
 * first. Times are read from a monotonic clock in nanoseconds ({@code System::nanoTime}; a test
 * gives its virtual clock), never from the scheduler's {@code now}, which is the wall clock and
 * can step.
 */
final class AttemptLimits {

	private static final int HEAD = 0;

	private static final int BODY = 1;

	private static final int READ = 2;

	private final LongSupplier clock;

	private final @Nullable Duration firstByte;

	private final Duration idle;

	private final Duration total;

	private final long deadline;

	/** When the current wait started: the attempt, the head, or the last body buffer. */
	private volatile long since;

	/** What the attempt waits for: the head, the body's next buffer, or nothing (decoding). */
	private volatile int phase = HEAD;

	private volatile OpenRouterTimeoutException.@Nullable Kind reached;

	/**
	 * Starts the limits of an attempt, now.
	 * @param clock the monotonic clock, in nanoseconds
	 * @param firstByte the longest wait for the head, or {@code null} for none but the deadline
	 * @param idle the longest silence while the body is read
	 * @param total the call's budget, quoted when the deadline is reached
	 * @param deadline the end of the call's budget, on {@code clock}
	 */
	AttemptLimits(LongSupplier clock, @Nullable Duration firstByte, Duration idle, Duration total, long deadline) {
		this.clock = clock;
		this.firstByte = firstByte;
		this.idle = idle;
		this.total = total;
		this.deadline = deadline;
		this.since = clock.getAsLong();
	}

	/** The head has arrived: from now on the body's silences are limited. */
	void headArrived() {
		// written before the phase: a timer that sees the phase sees this time
		this.since = this.clock.getAsLong();
		this.phase = BODY;
	}

	/** A body buffer has arrived: the silence starts again. */
	void dataArrived() {
		this.since = this.clock.getAsLong();
	}

	/** The body has been read whole: only the deadline bounds its decoding. */
	void bodyRead() {
		this.phase = READ;
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
			.defer(() -> Mono.delay(Duration.ofNanos(Math.max(0,
					Math.min(untilLimit(this.clock.getAsLong(), this.phase), this.idle.toNanos()))),
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
		long now = this.clock.getAsLong();
		int phase = this.phase;
		if (untilLimit(now, phase) > 0) {
			return false;
		}
		this.reached = (this.deadline - now <= 0) ? OpenRouterTimeoutException.Kind.TOTAL
				: (phase == HEAD) ? OpenRouterTimeoutException.Kind.FIRST_BYTE : OpenRouterTimeoutException.Kind.STREAM_IDLE;
		return true;
	}

	/**
	 * Nanoseconds from {@code now} to the nearest limit; zero or less once one is reached. The
	 * phase is read before the time it guards: seeing the head, it sees the head's time or a later
	 * one.
	 */
	private long untilLimit(long now, int phase) {
		Duration limit = (phase == HEAD) ? this.firstByte : (phase == BODY) ? this.idle : null;
		long untilDeadline = this.deadline - now;
		return (limit != null) ? Math.min(untilDeadline, this.since + limit.toNanos() - now) : untilDeadline;
	}

}
