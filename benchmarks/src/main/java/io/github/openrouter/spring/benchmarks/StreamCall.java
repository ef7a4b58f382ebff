package io.github.openrouter.spring.benchmarks;

/**
 * A streaming call prepared once by a {@link BenchClient} for one {@link StreamShape}, run many times.
 *
 * @since 0.1.0
 */
public interface StreamCall {

	/**
	 * Runs the call on the current thread until the stream ends.
	 * @param listener receives the text deltas
	 */
	void run(StreamListener listener);

	/**
	 * Starts the call without blocking the current thread (a reactive subscription, or a platform
	 * thread for a blocking client).
	 * @param listener receives the text deltas, the end or the failure
	 */
	void start(StreamListener listener);

}
