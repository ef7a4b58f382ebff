package io.github.openrouter.spring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

/**
 * Optional Flight Recorder recording of the measured rounds only (not warm-up or set-up), sampling
 * Java stacks every millisecond: {@code -Dbench.jfr=<prefix>} writes {@code <prefix>-<scenario>.jfr};
 * read it with {@code jfr print --events jdk.ExecutionSample}.
 *
 * @since 0.1.0
 */
final class Profiling {

	private Profiling() {
	}

	/**
	 * Starts a recording if {@code bench.jfr} is set.
	 * @return the recording, or {@code null}
	 */
	static @Nullable Recording start() {
		if (System.getProperty("bench.jfr") == null) {
			return null;
		}
		try {
			Recording recording = new Recording(Configuration.getConfiguration("profile"));
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
			recording.start();
			return recording;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stops a recording and writes it next to the prefix given by {@code bench.jfr}.
	 * @param recording the recording, or {@code null} when none was started
	 * @param scenario the scenario, used in the file name
	 */
	static void stop(@Nullable Recording recording, String scenario) {
		if (recording == null) {
			return;
		}
		recording.stop();
		Path file = Path.of(System.getProperty("bench.jfr") + "-" + scenario.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
		try {
			recording.dump(file);
			System.err.println("Flight recording of the measured rounds: " + file.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			recording.close();
		}
	}

}
