package io.github.openrouter.spring.messages.client;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The default timer of the client's timeouts and retry delays: a hashed wheel (one daemon thread,
 * 10 ms ticks) that arms and cancels a timeout without waking any thread.
 *
 * <p>
 * Each call arms a few timeouts (total budget, first byte, stream idle) and almost always
 * cancels them. On {@link Schedulers#parallel()} every arm that becomes the earliest deadline
 * wakes a worker thread, which at one call at a time costs more CPU than the call's own
 * bookkeeping; a wheel only enqueues. A timeout that fires is handed to
 * {@link Schedulers#parallel()}, so the code it runs (error signals, retries, the application's
 * callbacks) never holds up the wheel. Delays are rounded up to the next tick.
 *
 * @since 0.1.0
 */
final class WheelTimerScheduler implements Scheduler {

	private static final long TICK_MILLIS = 10;

	private static final WheelTimerScheduler SHARED = new WheelTimerScheduler();

	private final HashedWheelTimer wheel;

	private final Scheduler dispatcher = Schedulers.parallel();

	private WheelTimerScheduler() {
		ThreadFactory threads = (runnable) -> {
			Thread thread = new Thread(runnable, "openrouter-timer");
			thread.setDaemon(true);
			return thread;
		};
		this.wheel = new HashedWheelTimer(threads, TICK_MILLIS, TimeUnit.MILLISECONDS, 512, false);
	}

	/**
	 * Returns the timer shared by every client in the JVM; its thread starts on first use.
	 * @return the shared timer
	 */
	static WheelTimerScheduler shared() {
		return SHARED;
	}

	@Override
	public Disposable schedule(Runnable task) {
		return this.dispatcher.schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		DelayedTask delayed = new DelayedTask(task, this.dispatcher);
		delayed.timeout = this.wheel.newTimeout(delayed, delay, unit);
		return delayed;
	}

	@Override
	public Worker createWorker() {
		return this.dispatcher.createWorker();
	}

	/**
	 * Number of armed timeouts not yet fired or swept after cancellation.
	 * @return the count
	 */
	long pendingTimeouts() {
		return this.wheel.pendingTimeouts();
	}

	/**
	 * One armed delay: cancelling it cancels the wheel timeout, or the dispatched run if the
	 * timeout has already fired.
	 */
	private static final class DelayedTask implements TimerTask, Disposable {

		private final Runnable task;

		private final Scheduler dispatcher;

		private volatile @Nullable Timeout timeout;

		private volatile @Nullable Disposable dispatched;

		private volatile boolean disposed;

		DelayedTask(Runnable task, Scheduler dispatcher) {
			this.task = task;
			this.dispatcher = dispatcher;
		}

		@Override
		public void run(Timeout fired) {
			if (!this.disposed) {
				this.dispatched = this.dispatcher.schedule(() -> {
					if (!this.disposed) {
						this.task.run();
					}
				});
			}
		}

		@Override
		public void dispose() {
			this.disposed = true;
			Timeout armed = this.timeout;
			if (armed != null) {
				armed.cancel();
			}
			Disposable running = this.dispatched;
			if (running != null) {
				running.dispose();
			}
		}

		@Override
		public boolean isDisposed() {
			return this.disposed;
		}

	}

}
