package io.github.openrouter.spring.autoconfigure;

import java.time.Duration;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * The HTTP connector of the auto-configured OpenRouter clients, built by Spring Boot's
 * {@link ClientHttpConnectorBuilder} with Boot's {@link HttpClientSettings} and what
 * {@code openrouter.*} sets on top of them (see {@link #settings}). A Reactor Netty connector
 * gets a connection pool of its own, sized by {@code openrouter.http.*} and disposed with this
 * bean; any other connector (JDK, Jetty, HttpComponents) keeps its own defaults.
 *
 * @author OpenRouter Spring contributors
 */
final class OpenRouterHttpConnector implements DisposableBean {

	private final ClientHttpConnector connector;

	private final @Nullable ConnectionProvider connectionProvider;

	OpenRouterHttpConnector(ClientHttpConnectorBuilder<?> builder, HttpClientSettings settings,
			ConnectionPoolSettings pool) {
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			ConnectionProvider provider = pool.newConnectionProvider(DefaultReactiveMessagesClient.CONNECTION_POOL_NAME);
			this.connectionProvider = provider;
			try {
				this.connector = reactor.withHttpClientFactory(() -> HttpClient.create(provider)).build(settings);
			}
			catch (RuntimeException ex) {
				provider.dispose();
				throw ex;
			}
		}
		else {
			this.connectionProvider = null;
			this.connector = builder.build(settings);
		}
	}

	/**
	 * Returns Boot's settings with {@code openrouter.*} on top: the connect timeout
	 * {@code openrouter.timeouts.connect}, else Boot's, else the client's default; the SSL
	 * bundle {@code openrouter.http.ssl-bundle}, else Boot's; redirects never followed, so that
	 * the key is never sent to another origin; and no read timeout, which Reactor Netty would
	 * apply per read (counting a reader's pause as the server's silence): Boot's read timeout is
	 * the default of {@code openrouter.timeouts.stream-idle} instead.
	 * @param boot Boot's settings ({@link HttpClientSettings#defaults()} without Boot's bean)
	 * @param connectTimeout {@code openrouter.timeouts.connect}, or {@code null}
	 * @param sslBundle the bundle {@code openrouter.http.ssl-bundle} names, or {@code null}
	 * @return the settings of the connector
	 */
	static HttpClientSettings settings(HttpClientSettings boot, @Nullable Duration connectTimeout,
			@Nullable SslBundle sslBundle) {
		return new HttpClientSettings(HttpRedirects.DONT_FOLLOW, connectTimeout(boot, connectTimeout), null,
				(sslBundle != null) ? sslBundle : boot.sslBundle());
	}

	/**
	 * Returns {@code openrouter.timeouts.connect}, else Boot's connect timeout, else the
	 * client's default.
	 * @param boot Boot's settings
	 * @param connectTimeout {@code openrouter.timeouts.connect}, or {@code null}
	 * @return the connect timeout
	 */
	static Duration connectTimeout(HttpClientSettings boot, @Nullable Duration connectTimeout) {
		if (connectTimeout != null) {
			return connectTimeout;
		}
		return (boot.connectTimeout() != null) ? boot.connectTimeout() : ClientTimeouts.defaults().connect();
	}

	/**
	 * Returns the connector.
	 * @return the connector
	 */
	ClientHttpConnector connector() {
		return this.connector;
	}

	/**
	 * Disposes the connection pool of a Reactor Netty connector.
	 */
	@Override
	public void destroy() {
		if (this.connectionProvider != null) {
			this.connectionProvider.dispose();
		}
	}

}
