package io.github.openrouter.spring.messages.client.internal;

import java.time.Duration;

import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.streaming.internal.DefaultMessageStream;
import io.github.openrouter.spring.messages.structured.JsonOutput;
import io.github.openrouter.spring.messages.structured.StructuredStream;
import io.github.openrouter.spring.messages.structured.internal.StructuredCalls;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking {@link MessagesClient} over a {@link ReactiveMessagesClient}; it only adds waiting.
 *
 * <p>
 * Refuses to block a Reactor non-blocking (event-loop or parallel) thread. The reactive client's
 * total timeout bounds every wait; over a {@link DefaultReactiveMessagesClient}, a blocking
 * {@code create} also stops waiting a few seconds after it, whatever happens. Both calls keep the
 * caller's Reactor context: with automatic context propagation, the thread-locals of the calling
 * thread (MDC, security context, baggage) are seen by filters and handlers.
 *
 * @since 0.1.0
 */
public final class DefaultMessagesClient implements MessagesClient, AutoCloseable {

	private final ReactiveMessagesClient reactive;

	/**
	 * Creates a blocking client.
	 * @param reactive the reactive client to delegate to
	 */
	public DefaultMessagesClient(ReactiveMessagesClient reactive) {
		this.reactive = reactive;
	}

	@Override
	public MessageResponse create(MessageRequest request, RequestOptions options) {
		checkMayBlock("create");
		MessageResponse response;
		if (this.reactive instanceof DefaultReactiveMessagesClient client) {
			Duration bound = client.blockingBound(options);
			try {
				response = this.reactive.create(request, options).block(bound);
			}
			catch (IllegalStateException ex) {
				if (ex.getMessage() != null && ex.getMessage().startsWith("Timeout on blocking read")) {
					throw new OpenRouterTimeoutException(OpenRouterTimeoutException.Kind.TOTAL, bound, ex);
				}
				throw ex;
			}
		}
		else {
			response = this.reactive.create(request, options).block();
		}
		if (response == null) {
			throw new IllegalStateException("The reactive client completed without a response");
		}
		return response;
	}

	@Override
	public MessageStream stream(MessageRequest request, RequestOptions options) {
		checkMayBlock("stream");
		// the caller's thread-locals (MDC, security context, baggage) go with the stream, as block() takes them for create
		return new DefaultMessageStream(this.reactive.stream(request, options).contextCapture());
	}

	@Override
	public <T> StructuredStream<T> stream(MessageRequest request, JsonOutput<T> output, RequestOptions options) {
		StructuredCalls structured = (this.reactive instanceof DefaultReactiveMessagesClient client)
				? client.structured() : StructuredCalls.defaults();
		return structured.stream(this, request, output, options);
	}

	@Override
	public ReactiveMessagesClient reactive() {
		return this.reactive;
	}

	/**
	 * Closes the reactive client if it holds resources.
	 */
	@Override
	public void close() {
		if (this.reactive instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close the reactive client", ex);
			}
		}
	}

	private static void checkMayBlock(String operation) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("MessagesClient." + operation + " blocks and cannot run on the non-blocking "
					+ "thread '" + Thread.currentThread().getName() + "'; use MessagesClient.reactive() there");
		}
	}

	@Override
	public String toString() {
		return "DefaultMessagesClient[" + this.reactive + "]";
	}

}
