package io.github.openrouter.spring.messages.model.routing;

import java.math.BigDecimal;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Stops server tools once a cost in USD was reached.
 *
 * @param type the {@code type}, always {@code max_cost}
 * @param maxCostInDollars the {@code max_cost_in_dollars} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record MaxCostCondition(@JsonProperty("type") String type,
		@JsonProperty("max_cost_in_dollars") BigDecimal maxCostInDollars) implements StopServerToolsCondition {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "max_cost";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code max_cost}
	 * @param maxCostInDollars the {@code max_cost_in_dollars} value
	 */
	public MaxCostCondition {
		type = TYPE;
		Objects.requireNonNull(maxCostInDollars, "max_cost_in_dollars");
	}

}
