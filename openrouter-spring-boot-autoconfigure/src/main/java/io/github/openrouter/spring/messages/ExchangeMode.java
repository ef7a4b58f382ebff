package io.github.openrouter.spring.messages;

/**
 * How the client sends a request: through Spring's {@code WebClient}, or straight to the HTTP
 * client underneath it.
 *
 * <p>
 * Both ways use the same Reactor Netty client, connection pool, headers, body, timeouts, retries
 * and error mapping. Going direct skips what WebClient adds on top: its exchange filters, its
 * default headers and cookies, and Spring's {@code http.client.requests} observation (and its
 * child span). The client then calls its Reactor Netty {@code HttpClient} itself (its own, or
 * the one given to the builder), or the {@code ClientHttpConnector} given to the builder. That
 * costs about a third less CPU per call, as measured in the project's benchmarks. {@link #AUTO}
 * takes the direct way whenever WebClient would add nothing.
 *
 * @since 0.1.0
 */
public enum ExchangeMode {

	/**
	 * {@link #CONNECTOR} unless the client's {@code WebClient.Builder} has exchange filters,
	 * default headers or default cookies, or would record {@code http.client.requests}
	 * observations (it has an observation registry with handlers, as Spring Boot's builder has
	 * when the application has an {@code ObservationRegistry}); then {@link #WEB_CLIENT}. The
	 * client's own observation (its {@code observationRegistry}) does not need WebClient. Other
	 * builder settings (a {@code defaultRequest} consumer, an API version inserter, a custom
	 * exchange function) are not detected: choose {@link #WEB_CLIENT} for them.
	 */
	AUTO,

	/**
	 * Always send through a {@code WebClient} built from the client's {@code WebClient.Builder}.
	 */
	WEB_CLIENT,

	/**
	 * Always go direct, to the Reactor Netty {@code HttpClient} (or to the given
	 * {@code ClientHttpConnector}), skipping WebClient's filters, default headers and cookies, and
	 * HTTP client observations.
	 */
	CONNECTOR

}
