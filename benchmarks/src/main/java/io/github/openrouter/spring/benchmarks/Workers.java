package io.github.openrouter.spring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Long-lived platform threads that drive a blocking call until a total number of calls is done; kept
 * between rounds so that thread start-up is not measured and per-thread allocation counters survive.
 *
 * @since 0.1.0
 */
final class Workers implements AutoCloseable {

	private final AtomicInteger threads = new AtomicInteger();

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "bench-worker-" + this.threads.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Runs {@code call} {@code total} times on {@code concurrency} threads, or one after the other on
	 * the calling thread when {@code concurrency} is 1.
	 * @param total the number of calls
	 * @param concurrency the number of threads
	 * @param call the call, returning a number to sum
	 * @return the sum of the calls' results
	 */
	long run(int total, int concurrency, IntSupplier call) {
		if (concurrency <= 1) {
			long sum = 0;
			for (int i = 0; i < total; i++) {
				sum += call.getAsInt();
			}
			return sum;
		}
		AtomicInteger next = new AtomicInteger();
		AtomicLong sum = new AtomicLong();
		List<Future<?>> futures = new ArrayList<>(concurrency);
		for (int t = 0; t < concurrency; t++) {
			futures.add(this.executor.submit(() -> {
				while (next.getAndIncrement() < total) {
					sum.addAndGet(call.getAsInt());
				}
			}));
		}
		for (Future<?> future : futures) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A call failed", ex.getCause());
			}
		}
		return sum.get();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
