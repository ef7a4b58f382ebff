package io.github.openrouter.spring.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URL;

/**
 * Heap figures of this JVM, and the fake server's release switch for stalled streams.
 *
 * @since 0.1.0
 */
final class Heap {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private Heap() {
	}

	/**
	 * Returns the heap in use right now, garbage included.
	 */
	static long used() {
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	/**
	 * Collects garbage (full GC, twice) and returns the heap still in use: the live set.
	 */
	static long liveAfterGc() {
		System.gc();
		System.gc();
		return used();
	}

	/**
	 * Lets every stream the fake server holds at its stall point finish.
	 * @param port the fake server's port
	 * @throws IOException if the server cannot be reached
	 */
	static void release(int port) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/control/release")
			.openConnection();
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.getOutputStream().close();
		int status = connection.getResponseCode();
		connection.disconnect();
		if (status != 204) {
			throw new IOException("Release answered " + status);
		}
	}

	static String mib(double bytes) {
		return Stats.format(bytes / (1024 * 1024));
	}

	static String kib(double bytes) {
		return Stats.format(bytes / 1024);
	}

}
