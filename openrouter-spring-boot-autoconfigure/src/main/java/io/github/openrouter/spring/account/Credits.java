package io.github.openrouter.spring.account;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The account balance, as {@code GET /api/v1/credits} returns it (a management key is required).
 * Amounts are in US dollars.
 *
 * @param totalCredits the credits ever purchased
 * @param totalUsage the credits ever used
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Credits(@JsonProperty("total_credits") BigDecimal totalCredits,
		@JsonProperty("total_usage") BigDecimal totalUsage) {

	/**
	 * Creates an instance, checking that both values are present.
	 * @param totalCredits the credits ever purchased
	 * @param totalUsage the credits ever used
	 * @throws IllegalArgumentException if a value is missing
	 */
	public Credits {
		Fields.require(totalCredits, "total_credits");
		Fields.require(totalUsage, "total_usage");
	}

	/**
	 * Returns the balance: credits purchased minus credits used.
	 * @return the balance in USD
	 */
	public BigDecimal remaining() {
		return this.totalCredits.subtract(this.totalUsage);
	}

}
