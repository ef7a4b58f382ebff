package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.github.openrouter.spring.messages.model.routing.MaxPrice;
import io.github.openrouter.spring.messages.model.routing.PerformancePreference;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.routing.ProviderSort;
import org.jspecify.annotations.Nullable;

/**
 * Converts {@link OpenRouterProperties.Provider} to the {@link ProviderPreferences} sent as the
 * {@code provider} object of a request.
 *
 * @author OpenRouter Spring contributors
 */
final class ProviderPreferencesMapper {

	private ProviderPreferencesMapper() {
	}

	/**
	 * Returns the preferences set in the properties.
	 * @param provider the provider properties
	 * @return the preferences, or {@code null} if none is set
	 */
	static @Nullable ProviderPreferences toPreferences(OpenRouterProperties.Provider provider) {
		if (provider.isEmpty()) {
			return null;
		}
		return ProviderPreferences.builder()
			.order(nullIfEmpty(provider.getOrder()))
			.only(nullIfEmpty(provider.getOnly()))
			.ignore(nullIfEmpty(provider.getIgnore()))
			.allowFallbacks(provider.getAllowFallbacks())
			.requireParameters(provider.getRequireParameters())
			.dataCollection(lowerCase(provider.getDataCollection()))
			.zdr(provider.getZdr())
			.enforceDistillableText(provider.getEnforceDistillableText())
			.quantizations(quantizations(provider.getQuantizations()))
			.sort(sort(provider.getSort(), provider.getSortPartition()))
			.preferredMaxLatency(latency(provider.getPreferredMaxLatency()))
			.preferredMinThroughput(throughput(provider.getPreferredMinThroughput()))
			.maxPrice(maxPrice(provider.getMaxPrice()))
			.build();
	}

	private static @Nullable ProviderSort sort(OpenRouterProperties.@Nullable Sort sort,
			OpenRouterProperties.@Nullable SortPartition partition) {
		if (partition != null) {
			return ProviderSort.of(lowerCase(sort), lowerCase(partition));
		}
		return (sort != null) ? ProviderSort.by(lowerCase(sort)) : null;
	}

	private static @Nullable PerformancePreference latency(OpenRouterProperties.Latency latency) {
		if (latency.isEmpty()) {
			return null;
		}
		return PerformancePreference.percentiles(seconds(latency.getP50()), seconds(latency.getP75()),
				seconds(latency.getP90()), seconds(latency.getP99()));
	}

	private static @Nullable PerformancePreference throughput(OpenRouterProperties.Throughput throughput) {
		if (throughput.isEmpty()) {
			return null;
		}
		return PerformancePreference.percentiles(throughput.getP50(), throughput.getP75(), throughput.getP90(),
				throughput.getP99());
	}

	private static @Nullable MaxPrice maxPrice(OpenRouterProperties.MaxPrice maxPrice) {
		if (maxPrice.isEmpty()) {
			return null;
		}
		return new MaxPrice(plain(maxPrice.getPrompt()), plain(maxPrice.getCompletion()), plain(maxPrice.getImage()),
				plain(maxPrice.getAudio()), plain(maxPrice.getRequest()));
	}

	private static @Nullable BigDecimal seconds(@Nullable Duration duration) {
		if (duration == null) {
			return null;
		}
		return new BigDecimal(BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString());
	}

	private static @Nullable String plain(@Nullable BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : null;
	}

	private static @Nullable List<String> quantizations(List<OpenRouterProperties.Quantization> values) {
		return values.isEmpty() ? null : values.stream().map((value) -> value.name().toLowerCase(Locale.ROOT)).toList();
	}

	private static <T> @Nullable List<T> nullIfEmpty(List<T> values) {
		return values.isEmpty() ? null : values;
	}

	private static @Nullable String lowerCase(@Nullable Enum<?> value) {
		return (value != null) ? value.name().toLowerCase(Locale.ROOT) : null;
	}

}
