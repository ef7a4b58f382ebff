package io.github.openrouter.spring.test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A request the {@link OpenRouterStub} received, for assertions: the typed body, the headers,
 * the message the stub answered with and how the exchange ended.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
public final class RecordedRequest {

	private final MessageRequest request;

	private final String body;

	private final HttpHeaders headers;

	private final int status;

	private final @Nullable MessageResponse response;

	private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

	private final AtomicBoolean ended = new AtomicBoolean();

	RecordedRequest(MessageRequest request, String body, HttpHeaders headers, int status,
			@Nullable MessageResponse response) {
		this.request = request;
		this.body = body;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.status = status;
		this.response = response;
	}

	/**
	 * Returns the request body, bound to the model.
	 * @return the request
	 */
	public MessageRequest request() {
		return this.request;
	}

	/**
	 * Returns the request body as it was sent.
	 * @return the JSON text
	 */
	public String body() {
		return this.body;
	}

	/**
	 * Returns the request headers, {@code Authorization} included.
	 * @return read-only headers, names case-insensitive
	 */
	public HttpHeaders headers() {
		return this.headers;
	}

	/**
	 * Returns whether the request asked for a stream ({@code "stream": true}).
	 * @return {@code true} for a streaming request
	 */
	public boolean streaming() {
		return Boolean.TRUE.equals(this.request.stream());
	}

	/**
	 * Returns the HTTP status the stub answered (or, for a stalled answer, would have answered)
	 * with.
	 * @return the status
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Returns the message the stub answered with, as it was sent: what the script left out
	 * filled in, {@code openrouter_metadata} only when the request opted in, the
	 * {@code X-Generation-Id} header as {@link MessageResponse#generationId()}.
	 * @return the message, or {@code null} for an answer that is not a message (an error, a
	 * stream of given frames, a stall)
	 */
	public @Nullable MessageResponse response() {
		return this.response;
	}

	/**
	 * Returns how the exchange ended, if it has.
	 * @return the outcome, empty while the stub is still answering
	 */
	public Optional<Outcome> outcome() {
		return Optional.ofNullable(this.outcome.getNow(null));
	}

	/**
	 * Waits until the exchange ends: the stub wrote the whole answer, or the client closed the
	 * connection first.
	 * @param timeout how long to wait at most
	 * @return the outcome
	 * @throws IllegalStateException if the exchange has not ended within the timeout
	 */
	public Outcome awaitOutcome(Duration timeout) {
		try {
			return this.outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The exchange of " + this + " has not ended within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the exchange of " + this, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Ends the exchange unless it has ended already, running an action first (so that what the
	 * action changes is visible to whoever sees the outcome).
	 */
	void end(Outcome outcome, Runnable first) {
		if (this.ended.compareAndSet(false, true)) {
			first.run();
			this.outcome.complete(outcome);
		}
	}

	@Override
	public String toString() {
		return "RecordedRequest[model=" + this.request.model() + ", stream=" + streaming() + ", messages="
				+ this.request.messages().size() + ", status=" + this.status + "]";
	}

	/**
	 * How an exchange ended.
	 */
	public enum Outcome {

		/**
		 * The stub wrote its whole answer (for a cut stream: everything before the cut).
		 */
		ANSWERED,

		/**
		 * The client closed the connection before the stub had written its whole answer, for
		 * example because the application cancelled the call.
		 */
		CLOSED_BY_CLIENT

	}

}
