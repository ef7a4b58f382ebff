package io.github.openrouter.spring.autoconfigure;

import java.util.regex.Pattern;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.client.DefaultMessagesClient;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.core.ResolvableType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for the OpenRouter {@link MessagesClient} and {@link ReactiveMessagesClient}.
 *
 * <p>
 * The clients are built from Spring Boot's own {@link WebClient.Builder}, so its codecs,
 * {@code WebClientCustomizer}s and HTTP client observations apply; when none of its filters,
 * default headers or observations would apply, requests skip WebClient and go straight to the
 * Reactor Netty client under it (see {@link MessagesClientBuilder}). That client is the
 * starter's own (its pool is sized by {@code openrouter.http.*}); an SSL bundle reaches it through
 * {@code openrouter.http.ssl-bundle} or Boot's {@code spring.http.clients.ssl.bundle}. The blocking client
 * wraps the reactive one; both share one connection pool, which the reactive bean owns and
 * closes. Startup fails with a failure analysis when no usable API key is configured.
 *
 * @author OpenRouter Spring contributors
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(OpenRouterProperties.class)
public final class OpenRouterAutoConfiguration {

	private static final String BOOT_HTTP_CLIENT_SETTINGS = "org.springframework.boot.http.client.HttpClientSettings";

	private static final String OBSERVATION_WEB_CLIENT_CUSTOMIZER = "org.springframework.boot.webclient.observation.ObservationWebClientCustomizer";

	@Bean
	@ConditionalOnMissingBean(OpenRouterConnectionDetails.class)
	PropertiesOpenRouterConnectionDetails openRouterConnectionDetails(OpenRouterProperties properties,
			Environment environment) {
		return new PropertiesOpenRouterConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveMessagesClient openRouterReactiveMessagesClient(OpenRouterConnectionDetails connectionDetails,
			OpenRouterProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<MessagesObservationConvention> observationConvention,
			ObjectProvider<MessagesClientBuilderCustomizer> customizers, ObjectProvider<SslBundles> sslBundles,
			BeanFactory beanFactory) {
		MessagesClientBuilder builder = MessagesClient.builder()
			.baseUrl(connectionDetails.getBaseUrl())
			.apiKey(apiKey(connectionDetails))
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifUnique(builder::observationConvention);
		new OpenRouterPropertiesMapper(properties).applyTo(builder);
		SslBundleHttpClientCustomizer ssl = sslCustomizer(properties.getHttp().getSslBundle(), sslBundles, beanFactory);
		if (ssl != null) {
			// interim (issue 14): the Boot side builds the connector from ClientHttpConnectorBuilder
			builder.clientConnector(new ReactorClientHttpConnector(ssl.apply(HttpClient.create())));
		}
		ObservationRegistry registry = observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP);
		if (!registry.isNoop() && ClassUtils.isPresent(OBSERVATION_WEB_CLIENT_CUSTOMIZER, null)
				&& beanFactory.getBeanProvider(ResolvableType.forClass(ClassUtils
					.resolveClassName(OBSERVATION_WEB_CLIENT_CUSTOMIZER, null))).getIfAvailable() != null) {
			// interim (issue 14): http.client.requests whenever the application's WebClients record it
			builder.clientRequestObservationConvention(beanFactory.getBeanProvider(ClientRequestObservationConvention.class)
				.getIfUnique(() -> new DefaultClientRequestObservationConvention(beanFactory.getBean(Environment.class)
					.getProperty("management.observations.http.client.requests.name", "http.client.requests"))));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.buildReactive();
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	MessagesClient openRouterMessagesClient(ReactiveMessagesClient reactiveMessagesClient) {
		return new DefaultMessagesClient(reactiveMessagesClient);
	}

	/**
	 * Returns the TLS customization for {@code openrouter.http.ssl-bundle}, else for the bundle of
	 * Boot's {@code spring.http.clients.ssl.bundle} (when Boot's HTTP client module is present),
	 * else {@code null}. The client installs its own Reactor Netty client (for its pool), so
	 * Boot's connector settings would not reach it otherwise.
	 */
	private static @Nullable SslBundleHttpClientCustomizer sslCustomizer(@Nullable String bundleName,
			ObjectProvider<SslBundles> sslBundles, BeanFactory beanFactory) {
		if (StringUtils.hasText(bundleName)) {
			SslBundles bundles = sslBundles.getIfAvailable();
			if (bundles == null) {
				throw new IllegalStateException("openrouter.http.ssl-bundle is set to '" + bundleName
						+ "' but there are no SSL bundles (spring.ssl.bundle.*)");
			}
			return new SslBundleHttpClientCustomizer(bundleName, bundles.getBundle(bundleName));
		}
		if (ClassUtils.isPresent(BOOT_HTTP_CLIENT_SETTINGS, OpenRouterAutoConfiguration.class.getClassLoader())) {
			SslBundle bundle = BootHttpClientSettings.sslBundle(beanFactory);
			if (bundle != null) {
				return new SslBundleHttpClientCustomizer("spring.http.clients.ssl.bundle", bundle);
			}
		}
		return null;
	}

	private static String apiKey(OpenRouterConnectionDetails connectionDetails) {
		if (connectionDetails instanceof PropertiesOpenRouterConnectionDetails) {
			return connectionDetails.getApiKey();
		}
		return OpenRouterApiKeyException.requireValid(connectionDetails.getApiKey(),
				"the OpenRouterConnectionDetails bean (" + connectionDetails.getClass().getName() + ")");
	}

	/**
	 * Reads Boot's global HTTP client settings; only loaded when Boot's HTTP client module is.
	 */
	private static final class BootHttpClientSettings {

		static @Nullable SslBundle sslBundle(BeanFactory beanFactory) {
			HttpClientSettings settings = beanFactory.getBeanProvider(HttpClientSettings.class).getIfUnique();
			return (settings != null) ? settings.sslBundle() : null;
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
