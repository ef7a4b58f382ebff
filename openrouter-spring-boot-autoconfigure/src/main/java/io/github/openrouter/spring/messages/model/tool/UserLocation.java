package io.github.openrouter.spring.messages.model.tool;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Approximate user location for web search.
 *
 * @param type the {@code type} value
 * @param city the {@code city} value, or {@code null}
 * @param region the {@code region} value, or {@code null}
 * @param country the {@code country} value, or {@code null}
 * @param timezone the {@code timezone} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserLocation(@JsonProperty("type") String type,
		@JsonProperty("city") @Nullable String city,
		@JsonProperty("region") @Nullable String region,
		@JsonProperty("country") @Nullable String country,
		@JsonProperty("timezone") @Nullable String timezone) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param city the {@code city} value, or {@code null}
	 * @param region the {@code region} value, or {@code null}
	 * @param country the {@code country} value, or {@code null}
	 * @param timezone the {@code timezone} value, or {@code null}
	 */
	public UserLocation {
		Objects.requireNonNull(type, "type");
	}

}
