package io.github.openrouter.spring.messages.model.routing;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A condition that ends the server-tool loop; conditions are ORed.
 *
 * <p>
 * Read by its {@code type}; a value this version does not know becomes an {@code Unknown*} instance that
 * keeps the raw JSON. On Java 17 use {@code instanceof} to tell the members apart.
 *
 * @since 0.1.0
 */
@JsonDeserialize(using = StopServerToolsConditionDeserializer.class)
public sealed interface StopServerToolsCondition permits StepCountIsCondition,
		HasToolCallCondition,
		MaxTokensUsedCondition,
		MaxCostCondition,
		FinishReasonIsCondition,
		UnknownStopServerToolsCondition {

	/**
	 * Returns the wire {@code type}.
	 * @return the discriminator value
	 */
	String type();

}
