package io.github.openrouter.spring.messages.streaming.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test server on 127.0.0.1 that answers one request at a time with a server-sent event
 * stream written step by step by a test script, so a test can hold the rest of a body back
 * or watch the client close the connection.
 */
final class ScriptedSseServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
		Thread thread = new Thread(runnable, "scripted-sse-server");
		thread.setDaemon(true);
		return thread;
	});

	ScriptedSseServer() throws IOException {
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + "/api/v1";
	}

	/**
	 * Accepts the next connection, reads one request and runs the script on it.
	 * @param script what to send
	 * @return completes when the script has finished, with its failure if it threw
	 */
	CompletableFuture<Void> serveNext(Script script) {
		return CompletableFuture.runAsync(() -> {
			try (Socket socket = this.serverSocket.accept()) {
				readRequest(socket.getInputStream());
				Exchange exchange = new Exchange(socket);
				exchange.writeHead();
				script.run(exchange);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}, this.executor);
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
		this.executor.shutdownNow();
	}

	private static void readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] terminator = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		while (matched < terminator.length) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed inside the request head");
			}
			head.write(b);
			matched = (b == terminator[matched]) ? matched + 1 : ((b == terminator[0]) ? 1 : 0);
		}
		int contentLength = 0;
		for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				contentLength = Integer.parseInt(line.substring("content-length:".length()).trim());
			}
		}
		in.readNBytes(contentLength);
	}

	/** What a test sends on one exchange. */
	@FunctionalInterface
	interface Script {

		void run(Exchange exchange) throws IOException, InterruptedException;

	}

	/** One HTTP exchange with a chunked {@code text/event-stream} response. */
	static final class Exchange {

		private final Socket socket;

		private final OutputStream out;

		Exchange(Socket socket) throws IOException {
			this.socket = socket;
			this.out = socket.getOutputStream();
		}

		void writeHead() throws IOException {
			this.out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
					+ "X-Generation-Id: gen-scripted\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
		}

		/** Sends bytes as one HTTP chunk and flushes them. */
		void send(byte[] bytes) throws IOException {
			if (bytes.length == 0) {
				return;
			}
			this.out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			this.out.write(bytes);
			this.out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
		}

		/** Ends the body with the last chunk. */
		void end() throws IOException {
			this.out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
		}

		/**
		 * Waits until the client closes the connection.
		 * @param timeoutMillis how long to wait at most
		 * @return {@code true} if the client closed it in time
		 */
		boolean awaitClientClose(int timeoutMillis) throws IOException {
			this.socket.setSoTimeout(timeoutMillis);
			try {
				InputStream in = this.socket.getInputStream();
				while (in.read() >= 0) {
					// the client sends nothing more; keep reading until it closes
				}
				return true;
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
			catch (IOException ex) {
				// a reset is a close too
				return true;
			}
		}

	}

}
