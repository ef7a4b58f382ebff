package io.github.openrouter.spring.messages.client;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.ExchangeMode;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.observation.MessagesObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;

/**
 * Everything a {@link DefaultReactiveMessagesClient} is built from; usually made by
 * {@link io.github.openrouter.spring.messages.MessagesClientBuilder}.
 *
 * @param baseUrl the API base URL without a trailing slash
 * @param apiKey the API key; never printed
 * @param webClientBuilder the WebClient builder to clone
 * @param clientConnector the connector to use, or {@code null} for a Reactor Netty one
 * @param httpClient the Reactor Netty client to use when no connector is given, or {@code null} for
 * the client's own, with a pool sized by {@code connectionPool}
 * @param connectionPool the sizing of the client's own pool
 * @param httpClientCustomizer customizes the client's own Reactor Netty client (not a given one)
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
 * @param wireLogging whether to log requests and responses at DEBUG
 * @param wireLogMaxBodyChars the longest body excerpt to log
 * @param exchangeMode whether requests go through WebClient or straight to the connector
 * @param timerScheduler scheduler for timeouts and retry delays (tests pass a virtual-time one), or
 * {@code null} for the shared hashed-wheel timer, which arms a timeout without waking a thread
 * @param keepPartialMessage whether a stream keeps the content received so far for the
 * partial message of its exceptions (memory per open stream then grows with the answer)
 * @since 0.1.0
 */
public record ClientSettings(String baseUrl, String apiKey, WebClient.Builder webClientBuilder,
		@Nullable ClientHttpConnector clientConnector, @Nullable HttpClient httpClient,
		ConnectionPoolSettings connectionPool, Function<HttpClient, HttpClient> httpClientCustomizer,
		@Nullable String defaultModel, List<String> fallbackModels,
		@Nullable ProviderPreferences providerPreferences, boolean routingMetadata, @Nullable String appReferer,
		@Nullable String appTitle, List<String> appCategories, Map<String, String> defaultHeaders,
		ClientTimeouts timeouts, RetryPolicy retryPolicy, ObservationRegistry observationRegistry,
		@Nullable MessagesObservationConvention observationConvention, boolean wireLogging,
		int wireLogMaxBodyChars, ExchangeMode exchangeMode, @Nullable Scheduler timerScheduler,
		boolean keepPartialMessage) {

	/**
	 * Creates settings, copying the collections.
	 */
	public ClientSettings {
		if (clientConnector != null && httpClient != null) {
			throw new IllegalArgumentException("Set either a ClientHttpConnector or a Reactor Netty HttpClient, not both");
		}
		fallbackModels = List.copyOf(fallbackModels);
		appCategories = List.copyOf(appCategories);
		defaultHeaders = Map.copyOf(defaultHeaders);
	}

	/**
	 * Returns a copy that uses the given scheduler for timeouts and retry delays.
	 * @param scheduler the scheduler
	 * @return the copy
	 */
	public ClientSettings withTimerScheduler(@Nullable Scheduler scheduler) {
		return new ClientSettings(this.baseUrl, this.apiKey, this.webClientBuilder, this.clientConnector,
				this.httpClient, this.connectionPool, this.httpClientCustomizer, this.defaultModel,
				this.fallbackModels, this.providerPreferences, this.routingMetadata, this.appReferer, this.appTitle,
				this.appCategories, this.defaultHeaders, this.timeouts, this.retryPolicy, this.observationRegistry,
				this.observationConvention, this.wireLogging, this.wireLogMaxBodyChars, this.exchangeMode, scheduler,
				this.keepPartialMessage);
	}

	@Override
	public String toString() {
		return "ClientSettings[baseUrl=" + this.baseUrl + ", apiKey=[REDACTED], defaultModel=" + this.defaultModel
				+ ", fallbackModels=" + this.fallbackModels + ", routingMetadata=" + this.routingMetadata
				+ ", timeouts=" + this.timeouts + ", retryPolicy=" + this.retryPolicy + ", exchangeMode="
				+ this.exchangeMode + "]";
	}

}
