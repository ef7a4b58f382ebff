package io.github.openrouter.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.http.client.HttpClientSettings;

/**
 * Applies {@link OpenRouterProperties} to a {@link MessagesClientBuilder}, with Spring Boot's
 * {@link HttpClientSettings} as the defaults of the timeouts they share. The base URL and the key
 * come from {@link OpenRouterConnectionDetails}, the connector from {@link OpenRouterHttpConnector}.
 *
 * @author OpenRouter Spring contributors
 */
final class OpenRouterPropertiesMapper {

	private final OpenRouterProperties properties;

	private final HttpClientSettings bootSettings;

	OpenRouterPropertiesMapper(OpenRouterProperties properties, HttpClientSettings bootSettings) {
		this.properties = properties;
		this.bootSettings = bootSettings;
	}

	void applyTo(MessagesClientBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(this.properties::defaultModel).whenHasText().to(builder::defaultModel);
		map.from(this.properties::fallbackModels).whenNot(List::isEmpty).to(builder::fallbackModels);
		map.from(ProviderPreferencesMapper.toPreferences(this.properties.provider()))
			.to(builder::providerPreferences);
		builder.routingMetadata(this.properties.routingMetadata());
		OpenRouterProperties.App app = this.properties.app();
		map.from(app::referer).whenHasText().to(builder::appReferer);
		map.from(app::title).whenHasText().to(builder::appTitle);
		map.from(app::categories).whenNot(List::isEmpty).to(builder::appCategories);
		builder.timeouts(timeouts(this.properties.timeouts(), this.bootSettings));
		builder.retryPolicy(retryPolicy(this.properties.retry()));
		OpenRouterProperties.WireLogging wireLogging = this.properties.wireLogging();
		builder.wireLogging(wireLogging.enabled(), wireLogging.maxBodyChars());
		builder.allowInsecureHttp(this.properties.http().allowInsecureHttp());
		builder.keepPartialMessage(this.properties.streaming().keepPartialMessage());
	}

	/**
	 * Returns the timeouts: each {@code openrouter.timeouts.*} value that is set, else Boot's
	 * connect timeout and read timeout (the default of the stream-idle timeout), else the
	 * client's defaults.
	 */
	static ClientTimeouts timeouts(OpenRouterProperties.Timeouts timeouts, HttpClientSettings bootSettings) {
		ClientTimeouts defaults = ClientTimeouts.defaults();
		Duration firstByte = timeouts.firstByte();
		return new ClientTimeouts(OpenRouterHttpConnector.connectTimeout(bootSettings, timeouts.connect()),
				(firstByte != null) ? firstByte : defaults.firstByte(),
				orElse(timeouts.streamIdle(), orElse(bootSettings.readTimeout(), defaults.streamIdle())),
				timeouts.total());
	}

	static ConnectionPoolSettings connectionPool(OpenRouterProperties.Http http) {
		return new ConnectionPoolSettings(http.maxConnections(), http.pendingAcquireTimeout(), http.maxIdleTime());
	}

	private static Duration orElse(@Nullable Duration value, Duration fallback) {
		return (value != null) ? value : fallback;
	}

	static RetryPolicy retryPolicy(OpenRouterProperties.Retry retry) {
		return new RetryPolicy(retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(), retry.multiplier(),
				retry.jitter(), retry.maxRetryAfter(), retry.retryFirstByteTimeouts());
	}

}
