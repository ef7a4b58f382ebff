package io.github.openrouter.spring.benchmarks;

/**
 * One of the clients compared by the benchmarks, pointed at the fake server.
 *
 * @since 0.1.0
 */
public interface BenchClient extends AutoCloseable {

	/**
	 * Returns the short name used in result tables.
	 * @return the name
	 */
	String name();

	/**
	 * Sends {@code total} non-streaming requests, at most {@code concurrency} at a time, checking each
	 * answer's text.
	 * @param total the number of requests
	 * @param concurrency the number of requests in flight
	 * @return the total length of the answers' text, so that no decoding can be skipped
	 */
	long createMany(int total, int concurrency);

	/**
	 * Prepares a streaming call for a shape of answer.
	 * @param shape the shape asked of the fake server
	 * @return the call, reusable
	 */
	StreamCall streamCall(StreamShape shape);

	@Override
	void close();

}
