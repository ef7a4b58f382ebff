package io.github.openrouter.spring.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads benchmark properties and describes the machine and JVM at the top of each report.
 *
 * @since 0.1.0
 */
final class Environment {

	private Environment() {
	}

	static int[] ints(String property, String fallback) {
		return Arrays.stream(System.getProperty(property, fallback).split(","))
			.map(String::trim)
			.filter((value) -> !value.isEmpty())
			.mapToInt(Integer::parseInt)
			.toArray();
	}

	static void printHeader(String benchmark) {
		System.out.println("# " + benchmark);
		System.out.println();
		System.out.println("- CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors");
		System.out.println("- Memory: " + memory());
		System.out.println("- Load average at start (other processes share the cores): " + loadAverage());
		System.out.println("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
				+ ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, args "
				+ ManagementFactory.getRuntimeMXBean()
					.getInputArguments()
					.stream()
					.filter((arg) -> arg.startsWith("-X") || arg.startsWith("-D"))
					.collect(Collectors.joining(" ")));
		System.out.flush();
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.map((line) -> line.replaceAll("\\s+", " "))
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
