package io.github.openrouter.spring.messages.model.routing;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The Pareto router plugin.
 *
 * @param id the {@code id}, always {@code pareto-router}
 * @param enabled the {@code enabled} value, or {@code null}
 * @param minCodingScore the {@code min_coding_score} value, or {@code null}
 * @param maxPrice the {@code max_price} value, or {@code null}
 * @param priceSource the {@code price_source} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ParetoRouterPlugin(@JsonProperty("id") String id,
		@JsonProperty("enabled") @Nullable Boolean enabled,
		@JsonProperty("min_coding_score") @Nullable BigDecimal minCodingScore,
		@JsonProperty("max_price") @Nullable BigDecimal maxPrice,
		@JsonProperty("price_source") @Nullable String priceSource) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "pareto-router";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code pareto-router}
	 * @param enabled the {@code enabled} value, or {@code null}
	 * @param minCodingScore the {@code min_coding_score} value, or {@code null}
	 * @param maxPrice the {@code max_price} value, or {@code null}
	 * @param priceSource the {@code price_source} value, or {@code null}
	 */
	public ParetoRouterPlugin {
		id = TYPE;
	}

}
