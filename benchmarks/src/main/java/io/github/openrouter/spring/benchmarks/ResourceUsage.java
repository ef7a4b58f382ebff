package io.github.openrouter.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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

	/** Whether to break CPU time down by thread ({@code -Dbench.threads=true}). */
	static final boolean THREAD_BREAKDOWN = Boolean.getBoolean("bench.threads");

	private final long wallNanos;

	private final long cpuNanos;

	private final Map<Long, Long> allocatedByThread;

	private final Map<Long, Long> cpuByThread;

	private final Map<Long, String> threadNames;

	private ResourceUsage(long wallNanos, long cpuNanos, Map<Long, Long> allocatedByThread, Map<Long, Long> cpuByThread,
			Map<Long, String> threadNames) {
		this.wallNanos = wallNanos;
		this.cpuNanos = cpuNanos;
		this.allocatedByThread = allocatedByThread;
		this.cpuByThread = cpuByThread;
		this.threadNames = threadNames;
	}

	/**
	 * Takes a snapshot now.
	 * @return the snapshot
	 */
	static ResourceUsage now() {
		long[] ids = THREADS.getAllThreadIds();
		long[] allocated = THREADS.getThreadAllocatedBytes(ids);
		long[] cpu = THREADS.getThreadCpuTime(ids);
		Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
		Map<Long, Long> cpuByThread = new HashMap<>(ids.length * 2);
		Map<Long, String> names = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			if (allocated[i] >= 0) {
				byThread.put(ids[i], allocated[i]);
			}
			if (cpu[i] >= 0) {
				cpuByThread.put(ids[i], cpu[i]);
			}
		}
		if (THREAD_BREAKDOWN) {
			for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(ids)) {
				if (info != null) {
					names.put(info.getThreadId(), info.getThreadName());
				}
			}
		}
		return new ResourceUsage(System.nanoTime(), OS.getProcessCpuTime(), byThread, cpuByThread, names);
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
		Map<String, Long> cpuByGroup = new TreeMap<>();
		long threadsCpu = 0;
		for (Map.Entry<Long, Long> thread : later.cpuByThread.entrySet()) {
			long used = thread.getValue() - this.cpuByThread.getOrDefault(thread.getKey(), 0L);
			threadsCpu += used;
			if (THREAD_BREAKDOWN) {
				String name = later.threadNames.getOrDefault(thread.getKey(), "?");
				cpuByGroup.merge(name.replaceAll("[-#]?\\d+", ""), used, Long::sum);
			}
		}
		if (THREAD_BREAKDOWN) {
			cpuByGroup.put("(GC, JIT and other VM threads)", (later.cpuNanos - this.cpuNanos) - threadsCpu);
		}
		return new Delta(later.wallNanos - this.wallNanos, later.cpuNanos - this.cpuNanos, allocated, cpuByGroup);
	}

	/**
	 * Resources used between two snapshots.
	 *
	 * @param wallNanos elapsed wall-clock time
	 * @param cpuNanos CPU time of the whole process (all threads, GC and JIT included)
	 * @param allocatedBytes bytes allocated by threads alive at the end
	 * @param cpuNanosByThreadGroup CPU time per thread name (digits dropped), when
	 * {@code -Dbench.threads=true}
	 */
	record Delta(long wallNanos, long cpuNanos, long allocatedBytes, Map<String, Long> cpuNanosByThreadGroup) {
	}

}
