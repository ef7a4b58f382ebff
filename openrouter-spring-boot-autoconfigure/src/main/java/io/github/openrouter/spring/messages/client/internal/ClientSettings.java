package io.github.openrouter.spring.messages.client.internal;

import java.util.List;
import java.util.Map;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Everything a {@link DefaultReactiveMessagesClient} is built from, as
 * {@link io.github.openrouter.spring.messages.MessagesClientBuilder} checked it. Not a supported
 * API: build clients with the builder.
 *
 * @param baseUrl the API base URL without a trailing slash
 * @param apiKey the API key; never printed
 * @param webClientBuilder the WebClient builder to clone (its filters, default headers and cookies)
 * @param clientConnector the connector to use, or {@code null} for the client's own Reactor Netty one
 * @param connectionPool the sizing of the client's own pool
 * @param defaultModel the model for requests that name none, or {@code null}
 * @param fallbackModels sent as {@code models} when a request has neither {@code models} nor {@code fallbacks}
 * @param providerPreferences sent as {@code provider} when a request has none, or {@code null}
 * @param routingMetadata whether calls ask for {@code openrouter_metadata} by default
 * @param appReferer the {@code HTTP-Referer} value, or {@code null}
 * @param appTitle the {@code X-OpenRouter-Title} value, or {@code null}
 * @param appCategories the {@code X-OpenRouter-Categories} values
 * @param defaultHeaders headers sent with every call
 * @param timeouts the four timeouts
 * @param retryPolicy the retry policy
 * @param observationRegistry the observation registry
 * @param observationConvention the convention replacing the default one, or {@code null}
 * @param clientRequestObservationConvention the convention of the {@code http.client.requests}
 * observation each exchange records, or {@code null} to record none
 * @param wireLogging whether to log requests and responses at DEBUG
 * @param wireLogMaxBodyChars the longest body excerpt to log
 * @param keepPartialMessage whether a stream keeps the content received so far for the
 * partial message of its exceptions (memory per open stream then grows with the answer)
 * @since 0.1.0
 */
public record ClientSettings(String baseUrl, String apiKey, WebClient.Builder webClientBuilder,
		@Nullable ClientHttpConnector clientConnector, ConnectionPoolSettings connectionPool,
		@Nullable String defaultModel, List<String> fallbackModels,
		@Nullable ProviderPreferences providerPreferences, boolean routingMetadata, @Nullable String appReferer,
		@Nullable String appTitle, List<String> appCategories, Map<String, String> defaultHeaders,
		ClientTimeouts timeouts, RetryPolicy retryPolicy, ObservationRegistry observationRegistry,
		@Nullable MessagesObservationConvention observationConvention,
		@Nullable ClientRequestObservationConvention clientRequestObservationConvention, boolean wireLogging,
		int wireLogMaxBodyChars, boolean keepPartialMessage) {

	/**
	 * Creates settings, copying the collections.
	 */
	public ClientSettings {
		fallbackModels = List.copyOf(fallbackModels);
		appCategories = List.copyOf(appCategories);
		defaultHeaders = Map.copyOf(defaultHeaders);
	}

	@Override
	public String toString() {
		return "ClientSettings[baseUrl=" + this.baseUrl + ", apiKey=[REDACTED], defaultModel=" + this.defaultModel
				+ ", fallbackModels=" + this.fallbackModels + ", routingMetadata=" + this.routingMetadata
				+ ", timeouts=" + this.timeouts + ", retryPolicy=" + this.retryPolicy + "]";
	}

}
