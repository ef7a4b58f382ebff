package io.github.openrouter.spring.messages.client;

import java.net.URI;

import io.github.openrouter.spring.messages.ExchangeMode;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends through a {@link WebClient}, so that its filters, default headers and cookies, and HTTP
 * client observations apply. A non-2xx body is read by WebClient's codecs (bounded by their
 * in-memory limit) and released by WebClient.
 */
final class WebClientExchange implements Exchange {

	private final WebClient webClient;

	private final URI uri;

	WebClientExchange(WebClient webClient, URI uri) {
		this.webClient = webClient;
		this.uri = uri;
	}

	@Override
	public Mono<ExchangeResponse> exchange(RequestPreparer.Prepared call, ErrorResponses errors) {
		return this.webClient.post()
			.uri(this.uri)
			.headers((requestHeaders) -> requestHeaders.addAll(call.headers()))
			.bodyValue(call.body())
			.retrieve()
			.onStatus((status) -> !status.is2xxSuccessful(),
					(response) -> errors.toException(response.statusCode().value(), response.headers().asHttpHeaders(),
							response.bodyToMono(byte[].class)))
			.toEntityFlux(DataBuffer.class)
			.map((entity) -> {
				Flux<DataBuffer> responseBody = entity.getBody();
				return new ExchangeResponse(entity.getStatusCode().value(), entity.getHeaders(),
						(responseBody != null) ? responseBody : Flux.empty());
			});
	}

	@Override
	public ExchangeMode mode() {
		return ExchangeMode.WEB_CLIENT;
	}

}
