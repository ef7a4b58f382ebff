package io.github.openrouter.spring.messages.client;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.openrouter.spring.messages.ExchangeMode;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * One way of sending a prepared POST and receiving the head of its answer: through WebClient, or
 * straight to the connector under it. Everything else (timeouts, retries, decoding, logging) is
 * the client's and the same for both.
 */
interface Exchange {

	/**
	 * Sends a request and emits the 2xx answer with its body still to be read; a non-2xx answer
	 * fails the result with the exception that {@code errors} makes of it.
	 * @param call the prepared call: its headers and body
	 * @param errors turns a non-2xx answer into an exception
	 * @return the answer
	 */
	Mono<ExchangeResponse> exchange(RequestPreparer.Prepared call, ErrorResponses errors);

	/**
	 * Returns the mode this exchange implements.
	 * @return {@link ExchangeMode#WEB_CLIENT} or {@link ExchangeMode#CONNECTOR}
	 */
	ExchangeMode mode();

	/**
	 * Creates the exchange for the settings, over the given connector or Reactor Netty client.
	 * @param settings the client settings
	 * @param uri the URI every call is POSTed to
	 * @param preparer the client's request preparer, whose shared headers a Reactor Netty
	 * client is configured with once
	 * @param connector the connector, or {@code null} to use {@code httpClient}
	 * @param httpClient the Reactor Netty client, called directly in {@link ExchangeMode#CONNECTOR}
	 * mode and wrapped in a connector for WebClient; {@code null} when a connector is given
	 * @return the exchange
	 */
	static Exchange create(ClientSettings settings, URI uri, RequestPreparer preparer,
			@Nullable ClientHttpConnector connector, @Nullable HttpClient httpClient) {
		if (connector == null && httpClient == null) {
			throw new IllegalArgumentException("Either a connector or a Reactor Netty client is required");
		}
		HttpClientObservation.Settings observed = HttpClientObservation.settingsOf(settings.webClientBuilder());
		if (resolve(settings, observed) == ExchangeMode.CONNECTOR) {
			return (connector != null) ? new ConnectorExchange(connector, uri)
					: new NettyExchange(httpClient, uri, preparer, HttpClientObservation.forCalls(observed, uri));
		}
		ClientHttpConnector webClientConnector = (connector != null) ? connector
				: new ReactorClientHttpConnector(httpClient);
		return new WebClientExchange(settings.webClientBuilder().clone().clientConnector(webClientConnector).build(),
				uri);
	}

	/**
	 * Resolves {@link ExchangeMode#AUTO}: straight to Reactor Netty unless WebClient would apply
	 * something the client cannot: filters, default headers or cookies, or an
	 * {@code http.client.requests} observation over a given connector or from a builder that
	 * cannot be read (over its own Reactor Netty client the client records that observation
	 * itself, see {@link HttpClientObservation}).
	 * @param settings the client settings
	 * @param observed what a WebClient from the settings' builder would observe
	 * @return {@link ExchangeMode#WEB_CLIENT} or {@link ExchangeMode#CONNECTOR}
	 */
	private static ExchangeMode resolve(ClientSettings settings, HttpClientObservation.Settings observed) {
		if (settings.exchangeMode() != ExchangeMode.AUTO) {
			return settings.exchangeMode();
		}
		boolean observesBeyondReach = observed.observes()
				&& (settings.clientConnector() != null || !observed.known());
		boolean webClientAddsSomething = customizes(settings.webClientBuilder()) || observesBeyondReach;
		return webClientAddsSomething ? ExchangeMode.WEB_CLIENT : ExchangeMode.CONNECTOR;
	}

	/**
	 * Tells whether a WebClient builder has exchange filters, default headers or default cookies,
	 * looking at a clone so that the given builder stays unchanged.
	 */
	private static boolean customizes(WebClient.Builder builder) {
		AtomicBoolean found = new AtomicBoolean();
		builder.clone()
			.filters((filters) -> found.set(found.get() || !filters.isEmpty()))
			.defaultHeaders((headers) -> found.set(found.get() || !headers.isEmpty()))
			.defaultCookies((cookies) -> found.set(found.get() || !cookies.isEmpty()));
		return found.get();
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
		Mono<? extends Throwable> toException(int status, HttpHeaders headers, Mono<byte[]> body);

		/**
		 * Fails with the exception for a non-2xx answer whose body is still to be read: read whole
		 * up to {@link ConnectorExchange#MAX_ERROR_BODY_BYTES}, a longer one cancelled (closing the
		 * connection). Used by the exchanges that read the body themselves.
		 * @param status the status code
		 * @param headers the response headers
		 * @param body the unread response body
		 * @return a failed answer
		 */
		default Mono<ExchangeResponse> fail(int status, HttpHeaders headers, Flux<DataBuffer> body) {
			return toException(status, headers, BodyReader.read(body, ConnectorExchange.MAX_ERROR_BODY_BYTES))
				.flatMap((failure) -> Mono.error(failure));
		}

	}

}
