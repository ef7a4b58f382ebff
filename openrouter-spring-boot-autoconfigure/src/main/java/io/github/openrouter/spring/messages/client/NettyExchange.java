package io.github.openrouter.spring.messages.client;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.openrouter.spring.messages.ExchangeMode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Calls a Reactor Netty {@link HttpClient} directly: the same request and the same answer
 * handling as {@link ConnectorExchange}, without Spring's connector adapter in between (its
 * request and response wrappers and the conversion of headers from one form to the other).
 *
 * <p>
 * The headers that most calls share (see {@link RequestPreparer#sharedHeaderLines(boolean)}) and
 * the origin are configured on two derived clients once, so Reactor Netty validates them once
 * and copies them per call, as it does for any client configured up front; a call with headers
 * of its own sets them on its request.
 *
 * <p>
 * A 2xx body is handed on unread; if the call is cancelled after the answer arrived but before
 * its body was subscribed, the connection is closed, as Spring's connector does. A non-2xx body
 * is read whole up to {@link ConnectorExchange#MAX_ERROR_BODY_BYTES}.
 */
final class NettyExchange implements Exchange {

	private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	private final String path;

	private final HttpClient plain;

	private final String[] createLines;

	private final HttpClient forCreates;

	private final String[] streamLines;

	private final HttpClient forStreams;

	private final @Nullable HttpClientObservation observation;

	NettyExchange(HttpClient httpClient, URI uri, RequestPreparer preparer,
			@Nullable HttpClientObservation observation) {
		String query = uri.getRawQuery();
		this.path = uri.getRawPath() + ((query != null) ? "?" + query : "");
		this.plain = httpClient.baseUrl(uri.getScheme() + "://" + uri.getRawAuthority());
		this.createLines = preparer.sharedHeaderLines(false);
		this.forCreates = this.plain.headers((headers) -> set(headers, this.createLines));
		this.streamLines = preparer.sharedHeaderLines(true);
		this.forStreams = this.plain.headers((headers) -> set(headers, this.streamLines));
		this.observation = observation;
	}

	@Override
	public Mono<ExchangeResponse> exchange(RequestPreparer.Prepared call, ErrorResponses errors) {
		HttpClientObservation observation = this.observation;
		if (observation == null) {
			return send(call, errors, null);
		}
		return Mono.deferContextual((context) -> {
			HttpClientObservation.Observed observed = observation.start(call, context);
			return send(call, errors, observed).doOnError(observed::failed).doOnCancel(observed::stop);
		});
	}

	private Mono<ExchangeResponse> send(RequestPreparer.Prepared call, ErrorResponses errors,
			HttpClientObservation.@Nullable Observed observed) {
		String[] lines = call.headerLines();
		HttpClient client = (lines == this.createLines) ? this.forCreates
				: (lines == this.streamLines) ? this.forStreams : this.plain;
		Answer answer = new Answer(observed);
		return client.post()
			.uri(this.path)
			.send((request, outbound) -> {
				if (client == this.plain) {
					set(request.requestHeaders(), lines);
				}
				if (observed != null) {
					set(request.requestHeaders(), observed.headerLines());
				}
				return outbound.send(Mono.just(Unpooled.wrappedBuffer(call.body())));
			})
			.responseConnection((response, connection) -> answer.receive(response, connection, errors))
			.next()
			.doOnCancel(answer::closeIfUnread);
	}

	/**
	 * Sets the headers as Spring's connector does: each replaces a value the Reactor Netty client
	 * presets (such as its {@code Accept: *}{@code /*}); a name repeated in a row adds values.
	 */
	private static void set(io.netty.handler.codec.http.HttpHeaders target, String[] lines) {
		String previous = null;
		for (int i = 0; i < lines.length; i += 2) {
			String name = lines[i];
			if (name.equals(previous)) {
				target.add(name, lines[i + 1]);
			}
			else {
				target.set(name, lines[i + 1]);
				previous = name;
			}
		}
	}

	@Override
	public ExchangeMode mode() {
		return ExchangeMode.CONNECTOR;
	}

	/**
	 * The answer of one call: its connection, kept so that a call cancelled before reading the
	 * body can close it (a body nobody reads would otherwise keep the connection out of the pool).
	 */
	private static final class Answer {

		private static final int UNREAD = 0;

		private static final int READ = 1;

		private static final int CLOSED = 2;

		private final AtomicInteger body = new AtomicInteger(UNREAD);

		private final HttpClientObservation.@Nullable Observed observed;

		private volatile @Nullable Connection connection;

		Answer(HttpClientObservation.@Nullable Observed observed) {
			this.observed = observed;
		}

		Mono<ExchangeResponse> receive(HttpClientResponse response, Connection connection, ErrorResponses errors) {
			this.connection = connection;
			int status = response.status().code();
			HttpHeaders headers = new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders()));
			if (this.observed != null) {
				this.observed.received(status, headers);
			}
			Flux<DataBuffer> body = connection.inbound().receive().doOnSubscribe((subscription) -> {
				if (!this.body.compareAndSet(UNREAD, READ) && this.body.get() == CLOSED) {
					throw new IllegalStateException("The response body was released: the call was cancelled");
				}
			}).map((buffer) -> BUFFERS.wrap(buffer.retain()));
			if (status >= 200 && status < 300) {
				return Mono.just(new ExchangeResponse(status, headers, body));
			}
			return errors.fail(status, headers, body);
		}

		/**
		 * Closes the connection of an answer whose body nobody subscribed; a subscription and a
		 * cancellation racing each other are settled by one compare-and-set.
		 */
		void closeIfUnread() {
			Connection received = this.connection;
			if (received != null && this.body.compareAndSet(UNREAD, CLOSED)) {
				received.dispose();
			}
		}

	}

}
