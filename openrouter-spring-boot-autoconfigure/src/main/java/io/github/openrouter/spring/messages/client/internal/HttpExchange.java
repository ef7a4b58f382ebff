package io.github.openrouter.spring.messages.client.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends one HTTP request and emits the head of its 2xx answer, the body still to be read; any
 * other answer (3xx included: redirects are never followed) fails with the exception that the
 * given {@link ErrorResponses} makes of it, its body read up to {@link #MAX_ERROR_BODY_BYTES}.
 *
 * <p>
 * One rule decides the path: a request goes through a {@link WebClient} built from a clone of
 * the given {@code WebClient.Builder} when that builder has exchange filters (read with its
 * public {@code filters(Consumer)} on a clone) or when {@code http.client.requests} is recorded
 * (a {@link ClientRequestObservationConvention} and a registry that is not NOOP, which the
 * WebClient then records itself); otherwise it goes straight to the {@link ClientHttpConnector}.
 * The builder's default headers and cookies (read with {@code defaultHeaders(Consumer)} and
 * {@code defaultCookies(Consumer)} on a clone) are sent on both paths; a header of the request
 * replaces a default header of the same name, as in WebClient.
 */
final class HttpExchange {

	/** Largest non-2xx body read, the same as WebClient's default in-memory codec limit. */
	static final int MAX_ERROR_BODY_BYTES = 256 * 1024;

	private final ClientHttpConnector connector;

	private final @Nullable WebClient webClient;

	private final HttpHeaders defaultHeaders;

	private final MultiValueMap<String, String> defaultCookies;

	private final Duration bodyIdle;

	private final Supplier<Throwable> bodyIdleError;

	/**
	 * Creates the exchange of a client.
	 * @param builder the application's builder, cloned and never changed
	 * @param connector the connector both paths send through
	 * @param registry the observation registry
	 * @param convention the convention of {@code http.client.requests}, or {@code null} to record none
	 * @param bodyIdle the longest silence while reading an error body
	 * @param bodyIdleError the error of a silence that is too long
	 */
	HttpExchange(WebClient.Builder builder, ClientHttpConnector connector, ObservationRegistry registry,
			@Nullable ClientRequestObservationConvention convention, Duration bodyIdle,
			Supplier<Throwable> bodyIdleError) {
		this.connector = connector;
		this.bodyIdle = bodyIdle;
		this.bodyIdleError = bodyIdleError;
		List<Object> filters = new ArrayList<>();
		HttpHeaders headers = new HttpHeaders();
		MultiValueMap<String, String> cookies = new LinkedMultiValueMap<>();
		builder.clone()
			.filters(filters::addAll)
			.defaultHeaders(headers::addAll)
			.defaultCookies(cookies::addAll);
		this.defaultHeaders = HttpHeaders.readOnlyHttpHeaders(headers);
		this.defaultCookies = cookies;
		boolean observed = convention != null && !registry.isNoop();
		if (!filters.isEmpty() || observed) {
			WebClient.Builder copy = builder.clone().clientConnector(connector);
			if (observed) {
				copy.observationRegistry(registry).observationConvention(convention);
			}
			this.webClient = copy.build();
		}
		else {
			this.webClient = null;
		}
	}

	/**
	 * Tells whether requests go through WebClient.
	 * @return {@code true} through WebClient, {@code false} straight to the connector
	 */
	boolean throughWebClient() {
		return this.webClient != null;
	}

	/**
	 * Sends a request.
	 * @param method the method
	 * @param uri the absolute URI, query included
	 * @param headers the request headers
	 * @param body the body, or {@code null} for none
	 * @param errors makes the exception of a non-2xx answer
	 * @return the head of the 2xx answer, its body unread
	 */
	Mono<Response> exchange(HttpMethod method, URI uri, HttpHeaders headers, byte @Nullable [] body,
			ErrorResponses errors) {
		WebClient client = this.webClient;
		if (client == null) {
			return this.connector.connect(method, uri, (request) -> write(request, headers, body))
				.flatMap((response) -> answer(response.getStatusCode(), response.getHeaders(), response.getBody(),
						errors));
		}
		WebClient.RequestBodySpec request = client.method(method).uri(uri).headers((target) -> target.addAll(headers));
		return ((body != null) ? request.bodyValue(body) : request).retrieve()
			.onStatus((status) -> !status.is2xxSuccessful(),
					(response) -> readErrorBody(response.body(BodyExtractors.toDataBuffers()))
						.map((bytes) -> errors.toException(response.statusCode().value(),
								response.headers().asHttpHeaders(), bytes)))
			.toEntityFlux(DataBuffer.class)
			.map((entity) -> {
				Flux<DataBuffer> responseBody = entity.getBody();
				return new Response(entity.getStatusCode().value(), entity.getHeaders(),
						(responseBody != null) ? responseBody : Flux.empty());
			});
	}

	private Mono<Response> answer(HttpStatusCode status, HttpHeaders headers, Flux<DataBuffer> body,
			ErrorResponses errors) {
		if (status.is2xxSuccessful()) {
			return Mono.just(new Response(status.value(), headers, body));
		}
		return readErrorBody(body).flatMap((bytes) -> Mono.error(errors.toException(status.value(), headers, bytes)));
	}

	/**
	 * Writes the request as WebClient does: the builder's default headers and cookies under the
	 * request's own, and the body as one buffer with its {@code Content-Length}.
	 */
	private Mono<Void> write(ClientHttpRequest request, HttpHeaders headers, byte @Nullable [] body) {
		HttpHeaders target = request.getHeaders();
		headers.forEach(target::put);
		this.defaultHeaders.forEach((name, values) -> {
			if (!headers.containsHeader(name)) {
				target.put(name, values);
			}
		});
		this.defaultCookies.forEach((name, values) -> values
			.forEach((value) -> request.getCookies().add(name, new HttpCookie(name, value))));
		if (body == null) {
			return request.setComplete();
		}
		target.setContentLength(body.length);
		return request.writeWith(Mono.just(request.bufferFactory().wrap(body)));
	}

	/**
	 * Reads a non-2xx body up to {@link #MAX_ERROR_BODY_BYTES} (cancelling the rest, which closes
	 * the connection), each gap bounded by the body idle limit; a failure to read gives what was
	 * read so far, so that the status still makes the exception.
	 */
	private Mono<byte[]> readErrorBody(Flux<DataBuffer> body) {
		return readBody(DataBufferUtils.takeUntilByteCount(body, MAX_ERROR_BODY_BYTES), Integer.MAX_VALUE,
				this.bodyIdle, this.bodyIdleError)
			.onErrorResume((failure) -> Mono.just(new byte[0]));
	}

	/**
	 * Reads a body whole, with demand always present, each gap bounded by the idle limit.
	 * @param body the body
	 * @param maxBytes the longest body accepted; a longer one fails with a
	 * {@link org.springframework.core.io.buffer.DataBufferLimitException}
	 * @param idle the longest silence before a buffer (and the end)
	 * @param idleError the error of a silence that is too long
	 * @return the bytes; empty for an empty body
	 */
	static Mono<byte[]> readBody(Flux<DataBuffer> body, int maxBytes, Duration idle, Supplier<Throwable> idleError) {
		return joinBody(body, maxBytes, idle, idleError).map((joined) -> {
			try {
				return bytes(joined);
			}
			finally {
				DataBufferUtils.release(joined);
			}
		}).defaultIfEmpty(new byte[0]);
	}

	/**
	 * Reads a body whole into one buffer (the caller releases it), with demand always present,
	 * each gap bounded by the idle limit.
	 * @param body the body
	 * @param maxBytes the longest body accepted; a longer one fails with a
	 * {@link org.springframework.core.io.buffer.DataBufferLimitException}
	 * @param idle the longest silence before a buffer (and the end)
	 * @param idleError the error of a silence that is too long
	 * @return the joined body; empty for an empty body
	 */
	static Mono<DataBuffer> joinBody(Flux<DataBuffer> body, int maxBytes, Duration idle,
			Supplier<Throwable> idleError) {
		// IdleTimeout rather than timeout: it releases a buffer that races the expiry
		return DataBufferUtils.join(IdleTimeout.limit(body, idle.toNanos(), idleError), maxBytes);
	}

	/**
	 * Copies the readable bytes of a buffer, leaving its read position where it was.
	 * @param buffer the buffer
	 * @return the bytes
	 */
	static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		int start = buffer.readPosition();
		buffer.read(bytes);
		buffer.readPosition(start);
		return bytes;
	}

	/**
	 * Turns a non-2xx answer into the exception the call fails with.
	 */
	@FunctionalInterface
	interface ErrorResponses {

		/**
		 * Returns the exception for a non-2xx answer.
		 * @param status the status code
		 * @param headers the response headers
		 * @param body the response body, read up to a bound
		 * @return the exception
		 */
		Throwable toException(int status, HttpHeaders headers, byte[] body);

	}

	/**
	 * The head of a 2xx answer and its body, still to be read (each buffer must be released).
	 *
	 * @param status the status code
	 * @param headers the response headers
	 * @param body the response body; cancelling it closes the connection unless it is complete
	 */
	record Response(int status, HttpHeaders headers, Flux<DataBuffer> body) {

		/**
		 * Discards an answer nobody will read: subscribes to its body and cancels at once, which
		 * closes (or returns) the connection.
		 */
		void discard() {
			this.body.subscribe(new BaseSubscriber<DataBuffer>() {

				@Override
				protected void hookOnSubscribe(Subscription subscription) {
					subscription.cancel();
				}

				@Override
				protected void hookOnNext(DataBuffer buffer) {
					DataBufferUtils.release(buffer);
				}

				@Override
				protected void hookOnError(Throwable failure) {
					// nobody reads this answer: a body already released has nothing to say
				}

			});
		}

	}

}
