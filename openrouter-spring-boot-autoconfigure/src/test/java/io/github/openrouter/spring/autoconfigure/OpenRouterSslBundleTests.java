package io.github.openrouter.spring.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.error.OpenRouterTransportException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.io.ClassPathResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that a Spring Boot SSL bundle reaches the client's connector, both ways a call can go
 * (straight and through WebClient), against an HTTPS server whose self-signed certificate only
 * the bundle trusts.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterSslBundleTests {

	private static final String API_KEY = "sk-or-v1-ssl-test-0123456789";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().httpDisabled(true)
			.httpsPort(0)
			.bindAddress("127.0.0.1")
			.keystorePath(resourcePath("ssl/server-keystore.p12"))
			.keystoreType("PKCS12")
			.keystorePassword("secret")
			.keyManagerPassword("secret"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenRouterAutoConfiguration.class, WebClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("openrouter.api-key=" + API_KEY,
				"openrouter.base-url=https://127.0.0.1:" + wireMock.getHttpsPort() + "/api/v1",
				"openrouter.retry.max-attempts=1",
				"spring.ssl.bundle.jks.test-ca.truststore.location=classpath:ssl/client-truststore.p12",
				"spring.ssl.bundle.jks.test-ca.truststore.password=secret",
				"spring.ssl.bundle.jks.test-ca.truststore.type=PKCS12");

	private static String resourcePath(String name) {
		try {
			return new ClassPathResource(name).getFile().getAbsolutePath();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void stubCreate() {
		wireMock.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"msg_tls\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
					+ "\"content\":[{\"type\":\"text\",\"text\":\"over TLS\"}],\"stop_reason\":\"end_turn\","
					+ "\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}")));
	}

	private static MessageRequest request() {
		return MessageRequest.builder().model("m").maxTokens(16).addUserMessage("hi").build();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void shouldTrustTheServerThroughTheNamedBundle(boolean withWebClientFilter) {
		stubCreate();
		WebClientCustomizer filter = (builder) -> builder.filter((request, next) -> next.exchange(request));
		this.contextRunner.withPropertyValues("openrouter.http.ssl-bundle=test-ca")
			.withBean(WebClientCustomizer.class, () -> withWebClientFilter ? filter : (builder) -> {
			})
			.run((context) -> assertThat(context.getBean(MessagesClient.class).create(request()).text())
				.isEqualTo("over TLS"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor", "jdk" })
	void shouldUseTheBundleOfBootsHttpClientsWhenNoneIsNamed(String connector) {
		stubCreate();
		this.contextRunner
			.withPropertyValues("spring.http.clients.ssl.bundle=test-ca",
					"spring.http.clients.reactive.connector=" + connector)
			.run((context) -> assertThat(context.getBean(MessagesClient.class).create(request()).text())
				.isEqualTo("over TLS"));
	}

	@Test
	void shouldRefuseAnUntrustedServerWithoutABundle() {
		stubCreate();
		this.contextRunner.run((context) -> assertThatExceptionOfType(OpenRouterTransportException.class)
			.isThrownBy(() -> context.getBean(MessagesClient.class).create(request()))
			.withStackTraceContaining("SSLHandshakeException"));
	}

	@Test
	void shouldFailAtStartupNamingAMissingBundle() {
		this.contextRunner.withPropertyValues("openrouter.http.ssl-bundle=nope")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("nope"));
	}

}
