package io.github.openrouter.spring.autoconfigure;

import java.util.List;

import io.github.openrouter.spring.messages.ClientTimeouts;
import io.github.openrouter.spring.messages.ConnectionPoolSettings;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RetryPolicy;

import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Applies {@link OpenRouterProperties} to a {@link MessagesClientBuilder}. The base URL and the
 * key come from {@link OpenRouterConnectionDetails} instead.
 *
 * @author OpenRouter Spring contributors
 */
final class OpenRouterPropertiesMapper {

	private final OpenRouterProperties properties;

	OpenRouterPropertiesMapper(OpenRouterProperties properties) {
		this.properties = properties;
	}

	void applyTo(MessagesClientBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		map.from(this.properties::getDefaultModel).whenHasText().to(builder::defaultModel);
		map.from(this.properties::getFallbackModels).whenNot(List::isEmpty).to(builder::fallbackModels);
		map.from(ProviderPreferencesMapper.toPreferences(this.properties.getProvider()))
			.to(builder::providerPreferences);
		builder.routingMetadata(this.properties.isRoutingMetadata());
		OpenRouterProperties.App app = this.properties.getApp();
		map.from(app::getReferer).whenHasText().to(builder::appReferer);
		map.from(app::getTitle).whenHasText().to(builder::appTitle);
		map.from(app::getCategories).whenNot(List::isEmpty).to(builder::appCategories);
		builder.timeouts(timeouts(this.properties.getTimeouts()));
		builder.retryPolicy(retryPolicy(this.properties.getRetry()));
		OpenRouterProperties.WireLogging wireLogging = this.properties.getWireLogging();
		builder.wireLogging(wireLogging.isEnabled(), wireLogging.getMaxBodyChars());
		OpenRouterProperties.Http http = this.properties.getHttp();
		builder.connectionPool(new ConnectionPoolSettings(http.getMaxConnections(), http.getPendingAcquireTimeout(),
				http.getMaxIdleTime()));
		builder.keepPartialMessage(this.properties.getStreaming().isKeepPartialMessage());
	}

	static ClientTimeouts timeouts(OpenRouterProperties.Timeouts timeouts) {
		return new ClientTimeouts(timeouts.getConnect(), timeouts.getFirstByte(), timeouts.getStreamIdle(),
				timeouts.getTotal());
	}

	static RetryPolicy retryPolicy(OpenRouterProperties.Retry retry) {
		return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMultiplier(), retry.getJitter(), retry.getMaxRetryAfter());
	}

}
