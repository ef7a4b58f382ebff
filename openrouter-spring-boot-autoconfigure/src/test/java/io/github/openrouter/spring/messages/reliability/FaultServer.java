package io.github.openrouter.spring.messages.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A loopback HTTP/1.1 server on raw sockets that answers {@code POST /messages} well or with a
 * {@link Fault}, as each request asks in its headers: {@value #FAULT_HEADER} names the fault,
 * {@value #TIMES_HEADER} how many attempts of the call get it ({@code -1}: all), and
 * {@value #CALL_HEADER} identifies the call so that attempts are counted per call. Raw sockets
 * let it reset a connection (RST) at any byte, which HTTP server libraries do not offer.
 *
 * <p>
 * One thread per connection; a connection is kept alive after well-formed responses.
 */
final class FaultServer implements AutoCloseable {

	static final String FAULT_HEADER = "X-Test-Fault";

	static final String TIMES_HEADER = "X-Test-Fault-Times";

	static final String CALL_HEADER = "X-Test-Call-Id";

	private static final int WAIT_FOR_CLIENT_MILLIS = 30_000;

	private final ServerSocket serverSocket;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "fault-server");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final List<RuntimeException> serverErrors = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final String retryAfter;

	private volatile LongSupplier clock = System::nanoTime;

	private volatile @Nullable CountDownLatch resetGate;

	private volatile boolean closed;

	/**
	 * Starts a server on an ephemeral loopback port.
	 * @param retryAfter the {@code Retry-After} value of 429 and 503 answers
	 * @throws IOException if the port cannot be bound
	 */
	FaultServer(String retryAfter) throws IOException {
		this.retryAfter = retryAfter;
		this.serverSocket = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
		this.executor.execute(this::acceptConnections);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.serverSocket.getLocalPort() + "/api/v1";
	}

	/**
	 * Returns how many attempts of a call reached the server.
	 * @param callId the call id
	 * @return the number of requests carrying that id
	 */
	int attempts(String callId) {
		AtomicInteger count = this.attempts.get(callId);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Returns how many connections the server accepted.
	 * @return the number of connections
	 */
	int connections() {
		return this.connections.get();
	}

	/**
	 * Returns the bugs of this server: runtime exceptions that ended a connection.
	 * @return the exceptions
	 */
	List<RuntimeException> serverErrors() {
		return this.serverErrors;
	}

	/**
	 * Returns the clock readings at which the attempts of a call arrived.
	 * @param callId the call id
	 * @return the readings, in arrival order
	 */
	List<Long> arrivals(String callId) {
		return this.arrivals.getOrDefault(callId, List.of());
	}

	/**
	 * Sets the clock that stamps arrivals (a virtual-time scheduler's, in tests that use one).
	 * @param clock the clock
	 */
	void clock(LongSupplier clock) {
		this.clock = clock;
	}

	/**
	 * Makes {@link Fault#RESET_DURING_BODY} streams wait for a latch before they reset, so that
	 * a test can let the client see the first event first.
	 * @param gate the latch, or {@code null} to reset at once
	 */
	void resetGate(@Nullable CountDownLatch gate) {
		this.resetGate = gate;
	}

	private void acceptConnections() {
		while (!this.closed) {
			try {
				Socket socket = this.serverSocket.accept();
				this.connections.incrementAndGet();
				this.sockets.add(socket);
				this.executor.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setTcpNoDelay(true);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			while (!this.closed) {
				Request request = Request.read(in);
				if (request == null || !respond(request, socket, in, out)) {
					return;
				}
			}
		}
		catch (IOException ex) {
			// the client went away; that is what many faults are about
		}
		catch (RuntimeException ex) {
			this.serverErrors.add(ex);
		}
		finally {
			this.sockets.remove(socket);
		}
	}

	/**
	 * Answers one request.
	 * @return whether the connection stays open for the next request
	 */
	private boolean respond(Request request, Socket socket, InputStream in, OutputStream out) throws IOException {
		String callId = request.header(CALL_HEADER, "anonymous");
		int attempt = this.attempts.computeIfAbsent(callId, (id) -> new AtomicInteger()).incrementAndGet();
		this.arrivals.computeIfAbsent(callId, (id) -> new CopyOnWriteArrayList<>()).add(this.clock.getAsLong());
		Fault fault = Fault.valueOf(request.header(FAULT_HEADER, Fault.NONE.name()));
		int times = Integer.parseInt(request.header(TIMES_HEADER, "-1"));
		boolean streaming = request.header("accept", "").contains("text/event-stream");
		if (fault == Fault.NONE || (times >= 0 && attempt > times)) {
			return answer(callId, streaming, out);
		}
		switch (fault) {
			case RESET_BEFORE_BODY:
				reset(socket);
				return false;
			case EMPTY_RESPONSE:
				return false;
			case RESET_DURING_BODY:
				sendPartialBody(callId, streaming, out);
				if (streaming) {
					awaitGate();
				}
				reset(socket);
				return false;
			case SLOW_FIRST_BYTE:
				awaitClientClose(socket, in);
				return false;
			case STALL_DURING_BODY:
				sendPartialBody(callId, streaming, out);
				awaitClientClose(socket, in);
				return false;
			case TRUNCATED:
				if (streaming) {
					List<String> events = Replies.streamEvents(callId);
					sendChunked(out, 200, "text/event-stream", events.subList(0, events.size() - 1));
					return true;
				}
				sendPartialBody(callId, false, out);
				return false;
			case MALFORMED_JSON:
				if (streaming) {
					sendChunked(out, 200, "text/event-stream", List.of(Replies.event("message_start",
							"{\"type\":\"message_start\",\"message\":{\"id\":\"msg_" + callId + "\",\"content\":[")));
					return true;
				}
				send(out, 200, "application/json", "{\"id\":\"msg_" + callId + "\",\"type\":\"message\",\"content\":[");
				return true;
			case MALFORMED_SSE:
				if (streaming) {
					List<String> events = Replies.streamEvents(callId);
					sendChunked(out, 200, "text/event-stream",
							List.of(events.get(0), "data: <<not json at all>>\n\n", events.get(events.size() - 1)));
					return true;
				}
				send(out, 200, "text/event-stream", String.join("", Replies.streamEvents(callId)));
				return true;
			case HTML_ERROR_PAGE:
				send(out, 502, "text/html", Replies.htmlPage("502 Bad Gateway"));
				return true;
			case HTML_OK_PAGE:
				send(out, 200, "text/html", Replies.htmlPage("Welcome to the hotel network"));
				return true;
			case RATE_LIMITED_429:
				send(out, 429, "application/json", Replies.error("rate_limit_error", "Rate limited"),
						"Retry-After: " + this.retryAfter);
				return true;
			case UNAVAILABLE_503:
				send(out, 503, "application/json", Replies.error("overloaded_error", "Service temporarily overloaded"),
						"Retry-After: " + this.retryAfter);
				return true;
			case SERVER_ERROR_500:
				send(out, 500, "application/json", Replies.error("api_error", "Internal server error"));
				return true;
			case BAD_GATEWAY_502:
				send(out, 502, "application/json", Replies.error("api_error", "Bad gateway"));
				return true;
			case OVERLOADED_529:
				send(out, 529, "application/json", Replies.error("overloaded_error", "Overloaded"));
				return true;
			default:
				throw new IllegalStateException("Not a server-side fault: " + fault);
		}
	}

	private boolean answer(String callId, boolean streaming, OutputStream out) throws IOException {
		if (streaming) {
			sendChunked(out, 200, "text/event-stream", Replies.streamEvents(callId), "X-Generation-Id: gen-" + callId);
		}
		else {
			send(out, 200, "application/json", Replies.message(callId), "X-Generation-Id: gen-" + callId);
		}
		return true;
	}

	/**
	 * Sends the head and the first part of a well-formed answer: for a stream, complete
	 * chunks of its first three events; otherwise half of a body announced in full.
	 */
	private void sendPartialBody(String callId, boolean streaming, OutputStream out) throws IOException {
		if (streaming) {
			head(out, 200, "text/event-stream", -1);
			for (String event : Replies.streamEvents(callId).subList(0, 3)) {
				chunk(out, event);
			}
		}
		else {
			byte[] body = Replies.message(callId).getBytes(StandardCharsets.UTF_8);
			head(out, 200, "application/json", body.length);
			out.write(body, 0, body.length / 2);
		}
		out.flush();
	}

	private void awaitGate() {
		CountDownLatch gate = this.resetGate;
		if (gate != null) {
			try {
				gate.await(WAIT_FOR_CLIENT_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Blocks until the client closes the connection (or a generous bound passes).
	 */
	private static void awaitClientClose(Socket socket, InputStream in) throws IOException {
		socket.setSoTimeout(WAIT_FOR_CLIENT_MILLIS);
		try {
			while (in.read() != -1) {
				// discard
			}
		}
		catch (SocketTimeoutException ex) {
			// give up; the test's own bound reports the hang
		}
	}

	private static void reset(Socket socket) throws IOException {
		socket.setSoLinger(true, 0);
	}

	private static void send(OutputStream out, int status, String contentType, String body, String... headers)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		head(out, status, contentType, bytes.length, headers);
		out.write(bytes);
		out.flush();
	}

	private static void sendChunked(OutputStream out, int status, String contentType, List<String> chunks,
			String... headers) throws IOException {
		head(out, status, contentType, -1, headers);
		for (String chunk : chunks) {
			chunk(out, chunk);
		}
		out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static void chunk(OutputStream out, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(bytes);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static void head(OutputStream out, int status, String contentType, int contentLength, String... headers)
			throws IOException {
		StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
			.append("\r\nContent-Type: ")
			.append(contentType)
			.append("\r\n");
		head.append((contentLength >= 0) ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked")
			.append("\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
	}

	private static String reason(int status) {
		switch (status) {
			case 200:
				return "OK";
			case 429:
				return "Too Many Requests";
			case 500:
				return "Internal Server Error";
			case 502:
				return "Bad Gateway";
			case 503:
				return "Service Unavailable";
			default:
				return "Status";
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.serverSocket.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.executor.shutdownNow();
	}

	/**
	 * The head and body of one request.
	 */
	private record Request(Map<String, String> headers, byte[] body) {

		String header(String name, String fallback) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), fallback);
		}

		/**
		 * Reads one request, or returns {@code null} if the client closed the connection first.
		 */
		static @Nullable Request read(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			int matched = 0;
			while (matched < 4) {
				int next = in.read();
				if (next == -1) {
					if (head.size() == 0) {
						return null;
					}
					throw new IOException("Connection closed inside a request head");
				}
				head.write(next);
				matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((next == '\r') ? 1 : 0);
				if (head.size() > 65_536) {
					throw new IOException("Request head too large");
				}
			}
			String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
			Map<String, String> headers = new ConcurrentHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).trim());
				}
			}
			int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
			byte[] body = in.readNBytes(length);
			if (body.length < length) {
				throw new IOException("Connection closed inside a request body");
			}
			return new Request(headers, body);
		}

	}

}
