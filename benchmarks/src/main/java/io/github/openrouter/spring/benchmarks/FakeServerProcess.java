package io.github.openrouter.spring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@link FakeOpenRouterServer} running in a child JVM with this JVM's class path, so that its CPU
 * time and allocations are not charged to the benchmarked client.
 *
 * @since 0.1.0
 */
public final class FakeServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private FakeServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the server process and waits until it listens.
	 * @return the running server
	 * @throws IOException if the process cannot start or does not report its port
	 */
	public static FakeServerProcess start() throws IOException {
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xms1g", "-Xmx1g", "-XX:+UseParallelGC",
				"-Dreactor.netty.ioWorkerCount=2", "-cp", System.getProperty("java.class.path"),
				FakeOpenRouterServer.class.getName()));
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = builder.start();
		BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("PORT=")) {
				FakeServerProcess server = new FakeServerProcess(process, Integer.parseInt(line.substring(5).trim()));
				Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
				return server;
			}
		}
		process.destroyForcibly();
		throw new IOException("Fake server exited without reporting its port");
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the process id of the server, to tell it apart in reports.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
