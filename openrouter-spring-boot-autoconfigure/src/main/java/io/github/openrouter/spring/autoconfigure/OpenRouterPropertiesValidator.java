package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;

/**
 * Checks bound {@link OpenRouterProperties}, rejecting each invalid value under its kebab-case
 * property name, which is how Spring Boot's binder looks up the bound value and how the failure
 * analysis names it. Never looks at the API key, whose value must not appear in a failure
 * report.
 *
 * @author OpenRouter Spring contributors
 */
final class OpenRouterPropertiesValidator {

	private final OpenRouterProperties properties;

	private final Errors errors;

	OpenRouterPropertiesValidator(OpenRouterProperties properties, Errors errors) {
		this.properties = properties;
		this.errors = errors;
	}

	void validate() {
		validateBaseUrl();
		validateFallbackModels();
		validateProvider("provider", this.properties.provider());
		OpenRouterProperties.Timeouts timeouts = this.properties.timeouts();
		requirePositiveIfSet("timeouts.connect", timeouts.connect());
		requirePositiveIfSet("timeouts.first-byte", timeouts.firstByte());
		requirePositiveIfSet("timeouts.stream-idle", timeouts.streamIdle());
		requirePositive("timeouts.total", timeouts.total());
		validateRetry(this.properties.retry());
		OpenRouterProperties.Http http = this.properties.http();
		requireAtLeastOne("http.max-connections", http.maxConnections());
		requirePositive("http.pending-acquire-timeout", http.pendingAcquireTimeout());
		requirePositive("http.max-idle-time", http.maxIdleTime());
		requireAtLeastOne("metrics.max-tag-values", this.properties.metrics().maxTagValues());
		if (this.properties.wireLogging().maxBodyChars() < 0) {
			reject("wire-logging.max-body-chars", "must not be negative");
		}
		OpenRouterProperties.Account account = this.properties.account();
		requirePositive("account.refresh-interval", account.refreshInterval());
		if (account.lowCreditThreshold() == null || account.lowCreditThreshold().signum() < 0) {
			reject("account.low-credit-threshold", "must not be negative");
		}
	}

	private void validateBaseUrl() {
		String baseUrl = this.properties.baseUrl();
		if (!StringUtils.hasText(baseUrl)) {
			reject("base-url", "must not be empty");
			return;
		}
		try {
			URI uri = new URI(baseUrl);
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
					|| uri.getHost() == null) {
				reject("base-url", "must be an absolute http or https URL");
			}
		}
		catch (URISyntaxException ex) {
			reject("base-url", "must be an absolute http or https URL");
		}
	}

	private void validateFallbackModels() {
		List<String> fallbackModels = this.properties.fallbackModels();
		if (fallbackModels.size() > OpenRouterProperties.MAX_FALLBACK_MODELS) {
			reject("fallback-models", "must list at most " + OpenRouterProperties.MAX_FALLBACK_MODELS
					+ " models but lists " + fallbackModels.size());
		}
		requireTextElements("fallback-models", fallbackModels);
	}

	/**
	 * Checks provider preferences by the type of each value, so a new field needs no rule of its
	 * own: slugs must not be blank, latency and throughput targets must be positive and prices
	 * not negative.
	 * @param path the property path of the record
	 * @param record the provider preferences or one of their nested records
	 */
	private void validateProvider(String path, Record record) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			String field = path + "." + DataObjectPropertyName.toDashedForm(component.getName());
			Object value = ReflectionUtils.invokeMethod(component.getAccessor(), record);
			if (value instanceof Record nested) {
				validateProvider(field, nested);
			}
			else if (value instanceof List<?> values) {
				requireTextElements(field, values);
			}
			else if (value instanceof Duration duration) {
				requirePositive(field, duration);
			}
			else if (value instanceof Double number) {
				requirePositive(field, number);
			}
			else if (value instanceof BigDecimal decimal) {
				requireNotNegative(field, decimal);
			}
		}
	}

	private void validateRetry(OpenRouterProperties.Retry retry) {
		requireAtLeastOne("retry.max-attempts", retry.maxAttempts());
		requireNotNegative("retry.initial-backoff", retry.initialBackoff());
		requireNotNegative("retry.max-backoff", retry.maxBackoff());
		requireNotNegative("retry.max-retry-after", retry.maxRetryAfter());
		if (!(retry.multiplier() >= 1.0)) {
			reject("retry.multiplier", "must be at least 1.0");
		}
		if (!(retry.jitter() >= 0.0 && retry.jitter() <= 1.0)) {
			reject("retry.jitter", "must be between 0 and 1");
		}
	}

	private void requireAtLeastOne(String field, int value) {
		if (value < 1) {
			reject(field, "must be at least 1");
		}
	}

	private void requireTextElements(String field, List<?> values) {
		for (Object value : values) {
			if (value == null || value instanceof String text && !StringUtils.hasText(text)) {
				reject(field, "must not contain empty entries");
				return;
			}
		}
	}

	private void requirePositive(String field, @Nullable Duration value) {
		if (value == null) {
			reject(field, "must be set");
		}
		else if (value.isNegative() || value.isZero()) {
			reject(field, "must be positive");
		}
	}

	private void requirePositiveIfSet(String field, @Nullable Duration value) {
		if (value != null) {
			requirePositive(field, value);
		}
	}

	private void requirePositive(String field, @Nullable Double value) {
		if (value != null && !(value > 0.0)) {
			reject(field, "must be positive");
		}
	}

	private void requireNotNegative(String field, @Nullable Duration value) {
		if (value == null) {
			reject(field, "must be set");
		}
		else if (value.isNegative()) {
			reject(field, "must not be negative");
		}
	}

	private void requireNotNegative(String field, @Nullable BigDecimal value) {
		if (value != null && value.signum() < 0) {
			reject(field, "must not be negative");
		}
	}

	private void reject(String field, String message) {
		this.errors.rejectValue(field, "invalid", message);
	}

}
