package io.github.openrouter.spring.messages;

/**
 * How the client sends a request: through Spring's {@code WebClient}, or straight to the HTTP
 * client underneath it.
 *
 * <p>
 * Both ways use the same Reactor Netty client, connection pool, headers, body, timeouts, retries
 * and error mapping. Going direct skips what WebClient adds on top: its exchange filters and its
 * default headers and cookies. Spring's {@code http.client.requests} observation (and its child
 * span) is kept: when the {@code WebClient.Builder} has an observation registry, the client
 * records that observation itself around its Reactor Netty {@code HttpClient}, with the builder's
 * registry and convention and the same context type, so tracing headers propagate (not over a
 * {@code ClientHttpConnector} given to the builder). Going direct costs about a third less CPU per
 * call, as measured in the project's benchmarks. {@link #AUTO} takes the direct way whenever
 * WebClient would add nothing the client cannot do itself.
 *
 * @since 0.1.0
 */
public enum ExchangeMode {

	/**
	 * {@link #CONNECTOR} unless the client's {@code WebClient.Builder} has exchange filters,
	 * default headers or default cookies, or records {@code http.client.requests} observations
	 * while the client cannot record them itself (a {@code ClientHttpConnector} was given to the
	 * builder, or the builder is not Spring's); then {@link #WEB_CLIENT}. Other builder settings
	 * (a {@code defaultRequest} consumer, an API version inserter, a custom exchange function)
	 * are not detected: choose {@link #WEB_CLIENT} for them.
	 */
	AUTO,

	/**
	 * Always send through a {@code WebClient} built from the client's {@code WebClient.Builder}.
	 */
	WEB_CLIENT,

	/**
	 * Always go direct, to the Reactor Netty {@code HttpClient} (or to the given
	 * {@code ClientHttpConnector}), skipping WebClient's filters and default headers and cookies;
	 * {@code http.client.requests} is recorded by the client itself over a Reactor Netty client,
	 * not over a given connector.
	 */
	CONNECTOR

}
