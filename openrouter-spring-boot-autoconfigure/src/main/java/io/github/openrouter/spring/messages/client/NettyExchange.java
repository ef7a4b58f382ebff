package io.github.openrouter.spring.messages.client;

import java.net.URI;

import io.github.openrouter.spring.messages.ExchangeMode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Calls a Reactor Netty {@link HttpClient} directly: the same request and the same answer
 * handling as {@link ConnectorExchange}, without Spring's connector adapter in between (its
 * request and response wrappers and the conversion of headers from one form to the other).
 *
 * <p>
 * A 2xx body is handed on unread; if the call is cancelled after the answer arrived but before
 * its body was subscribed, the connection is closed, as Spring's connector does. A non-2xx body
 * is read whole up to {@link ConnectorExchange#MAX_ERROR_BODY_BYTES}.
 */
final class NettyExchange implements Exchange {

	private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

	private final HttpClient httpClient;

	NettyExchange(HttpClient httpClient) {
		this.httpClient = httpClient;
	}

	@Override
	public Mono<ExchangeResponse> exchange(URI uri, RequestPreparer.Prepared call, ErrorResponses errors) {
		Answer answer = new Answer();
		return this.httpClient.post()
			.uri(uri)
			.send((request, outbound) -> {
				write(request, call.headerLines(), call.body().length);
				return outbound.send(Mono.just(Unpooled.wrappedBuffer(call.body())));
			})
			.responseConnection((response, connection) -> answer.receive(response, connection, errors))
			.next()
			.doOnCancel(answer::closeIfUnread);
	}

	/**
	 * Sets the headers as Spring's connector does: each of the call's headers replaces a value
	 * the Reactor Netty client presets (such as its {@code Accept: *}{@code /*}), and the body's
	 * length is sent.
	 */
	private static void write(HttpClientRequest request, String[] lines, int contentLength) {
		io.netty.handler.codec.http.HttpHeaders target = request.requestHeaders();
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
		target.setInt(HttpHeaderNames.CONTENT_LENGTH, contentLength);
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

		private volatile @Nullable Connection connection;

		private volatile boolean bodyRead;

		Mono<ExchangeResponse> receive(HttpClientResponse response, Connection connection, ErrorResponses errors) {
			this.connection = connection;
			int status = response.status().code();
			HttpHeaders headers = new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders()));
			Flux<DataBuffer> body = connection.inbound()
				.receive()
				.doOnSubscribe((subscription) -> this.bodyRead = true)
				.map((buffer) -> BUFFERS.wrap(buffer.retain()));
			if (status >= 200 && status < 300) {
				return Mono.just(new ExchangeResponse(status, headers, body));
			}
			return errors.toException(status, headers, BodyReader.read(body, ConnectorExchange.MAX_ERROR_BODY_BYTES))
				.flatMap((failure) -> Mono.<ExchangeResponse>error(failure));
		}

		void closeIfUnread() {
			Connection received = this.connection;
			if (received != null && !this.bodyRead) {
				received.dispose();
			}
		}

	}

}
