package io.github.openrouter.spring.messages.model.routing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The auto-router plugin: picks a model for {@code openrouter/auto}.
 *
 * @param id the {@code id}, always {@code auto-router}
 * @param enabled the {@code enabled} value, or {@code null}
 * @param allowedModels the {@code allowed_models} value, or {@code null}
 * @param excludedModels the {@code excluded_models} value, or {@code null}
 * @param costTier the {@code cost_tier} value, or {@code null}
 * @param costQualityTradeoff the {@code cost_quality_tradeoff} value, or {@code null}
 * @param pinModel the {@code pin_model} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record AutoRouterPlugin(@JsonProperty("id") String id,
		@JsonProperty("enabled") @Nullable Boolean enabled,
		@JsonProperty("allowed_models") @Nullable List<String> allowedModels,
		@JsonProperty("excluded_models") @Nullable List<String> excludedModels,
		@JsonProperty("cost_tier") @Nullable String costTier,
		@JsonProperty("cost_quality_tradeoff") @Nullable Integer costQualityTradeoff,
		@JsonProperty("pin_model") @Nullable Boolean pinModel) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "auto-router";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code auto-router}
	 * @param enabled the {@code enabled} value, or {@code null}
	 * @param allowedModels the {@code allowed_models} value, or {@code null}
	 * @param excludedModels the {@code excluded_models} value, or {@code null}
	 * @param costTier the {@code cost_tier} value, or {@code null}
	 * @param costQualityTradeoff the {@code cost_quality_tradeoff} value, or {@code null}
	 * @param pinModel the {@code pin_model} value, or {@code null}
	 */
	public AutoRouterPlugin {
		id = TYPE;
		allowedModels = (allowedModels != null) ? List.copyOf(allowedModels) : null;
		excludedModels = (excludedModels != null) ? List.copyOf(excludedModels) : null;
	}

}
