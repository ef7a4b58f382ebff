package io.github.openrouter.spring.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shape of a streamed answer asked of the fake server: its number of text deltas, the pause between
 * them and where it stalls.
 *
 * @param deltas the number of text deltas
 * @param intervalMillis the pause between two deltas, 0 to send the body in one write
 * @param stallAfter the number of deltas after which the server waits for a release, or -1
 * @since 0.1.0
 */
public record StreamShape(int deltas, int intervalMillis, int stallAfter) {

	/**
	 * Returns a shape sent as fast as possible.
	 * @param deltas the number of text deltas
	 * @return the shape
	 */
	public static StreamShape fast(int deltas) {
		return new StreamShape(deltas, 0, -1);
	}

	/**
	 * Returns the request headers that ask the fake server for this shape.
	 * @return the headers
	 */
	public Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(FakeOpenRouterServer.DELTAS_HEADER, Integer.toString(this.deltas));
		if (this.intervalMillis > 0) {
			headers.put(FakeOpenRouterServer.INTERVAL_HEADER, Integer.toString(this.intervalMillis));
		}
		if (this.stallAfter >= 0) {
			headers.put(FakeOpenRouterServer.STALL_HEADER, Integer.toString(this.stallAfter));
		}
		return headers;
	}

}
