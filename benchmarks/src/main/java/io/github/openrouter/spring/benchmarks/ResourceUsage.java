package io.github.openrouter.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * A snapshot of this process's wall clock, CPU time and allocated bytes, to measure a round by
 * difference. The fake server runs in another process, so none of its work is counted.
 *
 * @since 0.1.0
 */
final class ResourceUsage {

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final long wallNanos;

	private final long cpuNanos;

	private final Map<Long, Long> allocatedByThread;

	private ResourceUsage(long wallNanos, long cpuNanos, Map<Long, Long> allocatedByThread) {
		this.wallNanos = wallNanos;
		this.cpuNanos = cpuNanos;
		this.allocatedByThread = allocatedByThread;
	}

	/**
	 * Takes a snapshot now.
	 * @return the snapshot
	 */
	static ResourceUsage now() {
		long[] ids = THREADS.getAllThreadIds();
		long[] allocated = THREADS.getThreadAllocatedBytes(ids);
		Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			if (allocated[i] >= 0) {
				byThread.put(ids[i], allocated[i]);
			}
		}
		return new ResourceUsage(System.nanoTime(), OS.getProcessCpuTime(), byThread);
	}

	/**
	 * Returns what was used between this snapshot and a later one.
	 * @param later the later snapshot
	 * @return wall nanoseconds, CPU nanoseconds and allocated bytes in between
	 */
	Delta until(ResourceUsage later) {
		long allocated = 0;
		for (Map.Entry<Long, Long> thread : later.allocatedByThread.entrySet()) {
			allocated += thread.getValue() - this.allocatedByThread.getOrDefault(thread.getKey(), 0L);
		}
		return new Delta(later.wallNanos - this.wallNanos, later.cpuNanos - this.cpuNanos, allocated);
	}

	/**
	 * Resources used between two snapshots.
	 *
	 * @param wallNanos elapsed wall-clock time
	 * @param cpuNanos CPU time of the whole process (all threads, GC and JIT included)
	 * @param allocatedBytes bytes allocated by threads alive at the end
	 */
	record Delta(long wallNanos, long cpuNanos, long allocatedBytes) {
	}

}
