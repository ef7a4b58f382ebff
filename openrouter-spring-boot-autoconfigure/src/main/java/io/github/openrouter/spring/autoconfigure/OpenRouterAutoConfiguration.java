package io.github.openrouter.spring.autoconfigure;

import java.util.regex.Pattern;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.client.internal.DefaultMessagesClient;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.observation.ObservationWebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the OpenRouter {@link MessagesClient} and {@link ReactiveMessagesClient}, built from a
 * prototype {@link MessagesClientBuilder} bean that applications can also use for further
 * clients (another key, another base URL).
 *
 * <p>
 * The connector comes from Spring Boot's {@link ClientHttpConnectorBuilder} (the application's
 * bean, so its {@code ClientHttpConnectorBuilderCustomizer}s and
 * {@code spring.http.clients.reactive.connector} apply, else the detected one) with Boot's
 * {@link HttpClientSettings}, overridden by {@code openrouter.timeouts.connect} and
 * {@code openrouter.http.ssl-bundle} when they are set. Redirects are never followed, whatever
 * {@code spring.http.clients.redirects} says, so the key never goes to another origin; Boot's
 * read timeout is not given to the connector (Reactor Netty would count a reader's pauses) but
 * becomes the default of {@code openrouter.timeouts.stream-idle}. A Reactor Netty connector has
 * a pool of its own ({@code openrouter.http.*}), disposed with the context.
 *
 * <p>
 * Boot's {@link WebClient.Builder} brings its exchange filters, default headers and cookies
 * ({@code WebClientCustomizer}s), and {@code http.client.requests} is recorded exactly when the
 * application has Boot's WebClient observations. Not applied, because the client cannot read them
 * or sends and reads the body itself: a {@code defaultRequest} consumer or an API-version
 * inserter (applied only to calls that go through WebClient), codecs, status handlers (every
 * non-2xx answer is a typed exception), and a connector set on the builder (use a
 * {@code ClientHttpConnectorBuilderCustomizer}). The blocking client wraps the reactive one.
 * Startup fails with a failure analysis when no usable API key is configured.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(OpenRouterProperties.class)
public final class OpenRouterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(OpenRouterConnectionDetails.class)
	PropertiesOpenRouterConnectionDetails openRouterConnectionDetails(OpenRouterProperties properties,
			Environment environment) {
		return new PropertiesOpenRouterConnectionDetails(properties, environment);
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	MessagesClientBuilder openRouterMessagesClientBuilder(OpenRouterConnectionDetails connectionDetails,
			OpenRouterProperties properties, OpenRouterHttpConnector openRouterHttpConnector,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<MessagesObservationConvention> observationConvention,
			ObjectProvider<MessagesClientBuilderCustomizer> customizers) {
		MessagesClientBuilder builder = MessagesClient.builder()
			.baseUrl(connectionDetails.getBaseUrl())
			.apiKey(apiKey(connectionDetails))
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.clientConnector(openRouterHttpConnector.connector())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifUnique(builder::observationConvention);
		new OpenRouterPropertiesMapper(properties, httpClientSettings.getIfAvailable(HttpClientSettings::defaults))
			.applyTo(builder);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveMessagesClient openRouterReactiveMessagesClient(ObjectProvider<MessagesClientBuilder> builder) {
		return builder.getObject().buildReactive();
	}

	@Bean
	OpenRouterHttpConnector openRouterHttpConnector(OpenRouterProperties properties,
			ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ResourceLoader resourceLoader) {
		HttpClientSettings settings = OpenRouterHttpConnector.settings(
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), properties.timeouts().connect(),
				sslBundle(properties.http().sslBundle(), sslBundles));
		return new OpenRouterHttpConnector(
				clientHttpConnectorBuilder
					.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
				settings, OpenRouterPropertiesMapper.connectionPool(properties.http()));
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	MessagesClient openRouterMessagesClient(ReactiveMessagesClient reactiveMessagesClient) {
		return new DefaultMessagesClient(reactiveMessagesClient);
	}

	private static @Nullable SslBundle sslBundle(@Nullable String bundleName, ObjectProvider<SslBundles> sslBundles) {
		if (!StringUtils.hasText(bundleName)) {
			return null;
		}
		SslBundles bundles = sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new IllegalStateException("openrouter.http.ssl-bundle is set to '" + bundleName
					+ "' but there are no SSL bundles (spring.ssl.bundle.*)");
		}
		return bundles.getBundle(bundleName);
	}

	private static String apiKey(OpenRouterConnectionDetails connectionDetails) {
		if (connectionDetails instanceof PropertiesOpenRouterConnectionDetails) {
			return connectionDetails.getApiKey();
		}
		return OpenRouterApiKeyException.requireValid(connectionDetails.getApiKey(),
				"the OpenRouterConnectionDetails bean (" + connectionDetails.getClass().getName() + ")");
	}

	/**
	 * Records {@code http.client.requests} for every HTTP exchange of the clients exactly when the
	 * application records it for its WebClients (Boot's {@link ObservationWebClientCustomizer}),
	 * with the application's {@link ClientRequestObservationConvention}, else Boot's default one
	 * named by {@code management.observations.http.client.requests.name}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ObservationWebClientCustomizer.class)
	@ConditionalOnBean(ObservationWebClientCustomizer.class)
	static class HttpClientObservationConfiguration {

		private static final String NAME_PROPERTY = "management.observations.http.client.requests.name";

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		MessagesClientBuilderCustomizer openRouterHttpClientObservationCustomizer(
				ObjectProvider<ClientRequestObservationConvention> convention, Environment environment) {
			ClientRequestObservationConvention resolved = convention
				.getIfAvailable(() -> new DefaultClientRequestObservationConvention(
						Binder.get(environment).bind(NAME_PROPERTY, String.class).orElse("http.client.requests")));
			return (builder) -> builder.clientRequestObservationConvention(resolved);
		}

	}

	/**
	 * Hides the API key from the actuator {@code env} and {@code configprops} endpoints, even
	 * when they are set to show values.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class OpenRouterSanitizingConfiguration {

		private static final Pattern OPENROUTER_KEY_VALUE = Pattern.compile("sk-or-.*");

		@Bean
		@ConditionalOnMissingBean(name = "openRouterApiKeySanitizingFunction")
		SanitizingFunction openRouterApiKeySanitizingFunction() {
			return SanitizingFunction.sanitizeValue()
				.ifMatches(OpenRouterSanitizingConfiguration::isApiKey)
				.ifValueStringMatches(OPENROUTER_KEY_VALUE);
		}

		private static boolean isApiKey(SanitizableData data) {
			String key = data.getLowerCaseKey().replace("-", "").replace("_", "").replace(".", "");
			return key.endsWith("openrouterapikey");
		}

	}

}
