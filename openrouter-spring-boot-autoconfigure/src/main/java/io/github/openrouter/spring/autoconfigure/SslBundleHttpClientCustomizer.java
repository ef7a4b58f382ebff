package io.github.openrouter.spring.autoconfigure;

import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * Secures the client's Reactor Netty client with a Spring Boot {@link SslBundle}: its key and
 * trust managers, ciphers and protocols, as Boot's own Reactor Netty connector builder applies a
 * bundle. The TLS context is built once; host names are verified as Reactor Netty does by
 * default. Plain {@code http} URLs stay plain.
 *
 * @author OpenRouter Spring contributors
 */
final class SslBundleHttpClientCustomizer implements UnaryOperator<HttpClient> {

	private final SslContext sslContext;

	SslBundleHttpClientCustomizer(String name, SslBundle bundle) {
		SslOptions options = bundle.getOptions();
		SslManagerBundle managers = bundle.getManagers();
		try {
			this.sslContext = SslContextBuilder.forClient()
				.keyManager(managers.getKeyManagerFactory())
				.trustManager(managers.getTrustManagerFactory())
				.ciphers(SslOptions.asSet(options.getCiphers()))
				.protocols(options.getEnabledProtocols())
				.build();
		}
		catch (SSLException ex) {
			throw new IllegalStateException("Could not build a TLS context from SSL bundle '" + name + "'", ex);
		}
	}

	@Override
	public HttpClient apply(HttpClient httpClient) {
		return httpClient.secure((spec) -> spec.sslContext(this.sslContext));
	}

}
