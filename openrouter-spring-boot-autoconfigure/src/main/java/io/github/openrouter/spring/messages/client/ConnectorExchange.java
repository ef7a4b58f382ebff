package io.github.openrouter.spring.messages.client;

import java.net.URI;

import io.github.openrouter.spring.messages.ExchangeMode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import reactor.core.publisher.Mono;

/**
 * Calls a {@link ClientHttpConnector} directly, writing the same headers and body that WebClient
 * would write without filters, default headers or observations.
 *
 * <p>
 * Body handling follows WebClient's: a 2xx body is handed on unread (cancelling it closes the
 * connection); a non-2xx body is read whole up to {@link #MAX_ERROR_BODY_BYTES}, and a longer one
 * is cancelled, which closes the connection. A call cancelled before the answer arrives is
 * cleaned up by the connector itself.
 */
final class ConnectorExchange implements Exchange {

	/** Largest non-2xx body read, the same as WebClient's default in-memory codec limit. */
	static final int MAX_ERROR_BODY_BYTES = 256 * 1024;

	private final ClientHttpConnector connector;

	private final URI uri;

	ConnectorExchange(ClientHttpConnector connector, URI uri) {
		this.connector = connector;
		this.uri = uri;
	}

	@Override
	public Mono<ExchangeResponse> exchange(RequestPreparer.Prepared call, ErrorResponses errors) {
		return this.connector.connect(HttpMethod.POST, this.uri, (request) -> write(request, call.headers(), call.body()))
			.flatMap((response) -> {
				HttpStatusCode statusCode = response.getStatusCode();
				int status = statusCode.value();
				if (statusCode.is2xxSuccessful()) {
					return Mono.just(new ExchangeResponse(status, response.getHeaders(), response.getBody()));
				}
				return errors.fail(status, response.getHeaders(), response.getBody());
			});
	}

	/**
	 * Writes the request as WebClient does: headers already set by the connector win, and the
	 * body goes out as one buffer with its {@code Content-Length}.
	 */
	private static Mono<Void> write(ClientHttpRequest request, HttpHeaders headers, byte[] body) {
		HttpHeaders requestHeaders = request.getHeaders();
		headers.forEach(requestHeaders::putIfAbsent);
		requestHeaders.setContentLength(body.length);
		return request.writeWith(Mono.just(request.bufferFactory().wrap(body)));
	}

	@Override
	public ExchangeMode mode() {
		return ExchangeMode.CONNECTOR;
	}

}
