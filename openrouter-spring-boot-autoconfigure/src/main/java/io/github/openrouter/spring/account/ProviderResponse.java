package io.github.openrouter.spring.account;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a generation at a provider, as listed in {@link Generation#providerResponses()}.
 *
 * @param providerName the provider, or {@code null}
 * @param modelPermaslug the model's permanent slug, or {@code null}
 * @param endpointId the provider endpoint, or {@code null}
 * @param id the provider's id of the attempt, or {@code null}
 * @param status the HTTP status the provider answered, or {@code null}
 * @param latency the attempt's latency in milliseconds, or {@code null}
 * @param byok whether the user's own provider key was used, or {@code null}
 * @param routedServiceTier the service tier the attempt was routed to, or {@code null}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderResponse(@JsonProperty("provider_name") @Nullable String providerName,
		@JsonProperty("model_permaslug") @Nullable String modelPermaslug,
		@JsonProperty("endpoint_id") @Nullable String endpointId, @JsonProperty("id") @Nullable String id,
		@JsonProperty("status") @Nullable Integer status, @JsonProperty("latency") @Nullable Double latency,
		@JsonProperty("is_byok") @Nullable Boolean byok,
		@JsonProperty("routed_service_tier") @Nullable String routedServiceTier) {

}
