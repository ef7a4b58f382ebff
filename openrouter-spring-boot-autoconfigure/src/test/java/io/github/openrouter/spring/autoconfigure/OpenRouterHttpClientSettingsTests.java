package io.github.openrouter.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientConfig;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that Spring Boot's HTTP client settings ({@code spring.http.clients.*}, the
 * {@code ClientHttpConnectorBuilder} bean and its customizers) reach the connector of the
 * auto-configured client, with {@code openrouter.*} on top. The Reactor Netty client Boot builds
 * is read through a {@link ClientHttpConnectorBuilderCustomizer} and Reactor Netty's public
 * configuration API.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterHttpClientSettingsTests {

	private static final String API_KEY = "sk-or-v1-http-settings-test-0123456789";

	@RegisterExtension
	static final WireMockExtension openRouter = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	static final WireMockExtension otherOrigin = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenRouterAutoConfiguration.class, WebClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class))
		.withPropertyValues("openrouter.api-key=" + API_KEY,
				"openrouter.base-url=" + openRouter.baseUrl() + "/api/v1", "openrouter.retry.max-attempts=1");

	@Test
	void shouldApplyBootsConnectTimeoutAndTheApplicationsConnectorCustomizers() {
		List<HttpClient> built = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("spring.http.clients.connect-timeout=1234ms")
			.withBean(ClientHttpConnectorBuilderCustomizer.class, () -> capturing(built))
			.run((context) -> {
				assertThat(connector(context)).isInstanceOf(ReactorClientHttpConnector.class);
				assertThat(ours(built).configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS))
					.isEqualTo(1234);
			});
	}

	@Test
	void shouldPreferTheConnectTimeoutOfOpenRouterProperties() {
		List<HttpClient> built = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withPropertyValues("spring.http.clients.connect-timeout=1234ms", "openrouter.timeouts.connect=2s")
			.withBean(ClientHttpConnectorBuilderCustomizer.class, () -> capturing(built))
			.run((context) -> assertThat(
					ours(built).configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS))
				.isEqualTo(2000));
	}

	@Test
	void shouldNeitherFollowRedirectsNorGiveBootsReadTimeoutToTheConnector() {
		List<HttpClient> built = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withPropertyValues("spring.http.clients.redirects=follow", "spring.http.clients.read-timeout=5s")
			.withBean(ClientHttpConnectorBuilderCustomizer.class, () -> capturing(built))
			.run((context) -> {
				HttpClientConfig configuration = ours(built).configuration();
				assertThat(configuration.followRedirectPredicate()).isNull();
				assertThat(configuration.responseTimeout()).isNull();
			});
	}

	@Test
	void shouldMakeBootsReadTimeoutTheDefaultOfTheStreamIdleTimeout() {
		OpenRouterProperties.Timeouts timeouts = new OpenRouterProperties.Timeouts(null, null, null,
				Duration.ofMinutes(10));
		HttpClientSettings boot = HttpClientSettings.defaults().withReadTimeout(Duration.ofSeconds(5));
		assertThat(OpenRouterPropertiesMapper.timeouts(timeouts, boot).streamIdle()).isEqualTo(Duration.ofSeconds(5));
		assertThat(OpenRouterPropertiesMapper.timeouts(timeouts, HttpClientSettings.defaults()).streamIdle())
			.isEqualTo(ClientTimeouts.defaults().streamIdle());
		timeouts = new OpenRouterProperties.Timeouts(null, null, Duration.ofSeconds(90), Duration.ofMinutes(10));
		assertThat(OpenRouterPropertiesMapper.timeouts(timeouts, boot).streamIdle()).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void shouldGiveTheReactorNettyConnectorAPoolOfItsOwnDisposedWithTheContext() {
		stubCreate();
		List<HttpClient> built = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("openrouter.http.max-connections=7")
			.withBean(ClientHttpConnectorBuilderCustomizer.class, () -> capturing(built))
			.run((context) -> {
				assertThat(ours(built).configuration().connectionProvider().maxConnections()).isEqualTo(7);
				context.getBean(MessagesClient.class).create(request());
				assertThat(ours(built).configuration().connectionProvider().isDisposed()).isFalse();
			});
		assertThat(ours(built).configuration().connectionProvider().isDisposed()).isTrue();
	}

	@Test
	void shouldWorkWithTheJdkConnectorWithoutPoolSettings() {
		stubCreate();
		this.contextRunner.withPropertyValues("spring.http.clients.reactive.connector=jdk")
			.run((context) -> {
				assertThat(connector(context)).isInstanceOf(JdkClientHttpConnector.class);
				assertThat(context.getBean(MessagesClient.class).create(request()).id()).isEqualTo("msg_settings");
				openRouter.verify(postRequestedFor(urlEqualTo("/api/v1/messages")).withHeader("Authorization",
						equalTo("Bearer " + API_KEY)));
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "reactor", "jdk" })
	void shouldNotFollowARedirectToAnotherOrigin(String connector) {
		openRouter.stubFor(post("/api/v1/messages").willReturn(
				aResponse().withStatus(302).withHeader("Location", otherOrigin.baseUrl() + "/api/v1/messages")));
		otherOrigin.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(200)));
		this.contextRunner
			.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
					"spring.http.clients.redirects=follow")
			.run((context) -> {
				assertThatExceptionOfType(OpenRouterApiException.class)
					.isThrownBy(() -> context.getBean(MessagesClient.class).create(request()))
					.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(302));
				otherOrigin.verify(0, anyRequestedFor(anyUrl()));
			});
	}

	private static ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> capturing(
			List<HttpClient> built) {
		return (builder) -> builder.withHttpClientCustomizer((httpClient) -> {
			built.add(httpClient);
			return httpClient;
		});
	}

	/**
	 * Returns the one Reactor Netty client built for OpenRouter (on its own pool); Boot builds
	 * another one for its own {@code ClientHttpConnector} bean.
	 */
	private static HttpClient ours(List<HttpClient> built) {
		List<HttpClient> ours = built.stream()
			.filter((httpClient) -> DefaultReactiveMessagesClient.CONNECTION_POOL_NAME
				.equals(httpClient.configuration().connectionProvider().name()))
			.toList();
		assertThat(ours).hasSize(1);
		return ours.get(0);
	}

	private static Object connector(AssertableApplicationContext context) {
		return context.getBean(OpenRouterHttpConnector.class).connector();
	}

	private static void stubCreate() {
		openRouter.stubFor(post("/api/v1/messages").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"msg_settings\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
					+ "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\","
					+ "\"usage\":{\"input_tokens\":1,\"output_tokens\":2}}")));
	}

	private static MessageRequest request() {
		return MessageRequest.builder().model("m").maxTokens(16).addUserMessage("hi").build();
	}

}
