package io.github.openrouter.spring.account;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The API key a client authenticates with, as {@code GET /api/v1/key} describes it: its spending
 * limit, usage per period and kind. Amounts are in US dollars.
 *
 * <p>
 * {@code limit} and {@code limitRemaining} are {@code null} for a key without a spending limit.
 * The {@code label} of an unnamed key is OpenRouter's masked form of the key (for example
 * {@code sk-or-v1-au7...890}), never the key itself.
 *
 * @param label the key's name, or its masked form when it has none
 * @param limit the spending limit, or {@code null} when the key has none
 * @param limitRemaining what is left of the limit, or {@code null} when the key has none
 * @param limitReset how often the limit resets (for example {@code monthly}), or {@code null}
 * @param usage the key's total OpenRouter credit usage
 * @param usageDaily the usage of the current UTC day
 * @param usageWeekly the usage of the current UTC week (Monday to Sunday)
 * @param usageMonthly the usage of the current UTC month
 * @param byokUsage the key's total usage billed to the user's own provider keys (BYOK)
 * @param byokUsageDaily the BYOK usage of the current UTC day
 * @param byokUsageWeekly the BYOK usage of the current UTC week
 * @param byokUsageMonthly the BYOK usage of the current UTC month
 * @param includeByokInLimit whether BYOK usage counts against the limit
 * @param freeTier whether this is a free-tier key
 * @param managementKey whether this is a management key
 * @param provisioningKey the deprecated alias of {@code managementKey}
 * @param expiresAt when the key expires, or {@code null} if it does not
 * @param creatorUserId the user who created the key, or {@code null}
 * @param rateLimit the deprecated legacy rate limit, or {@code null}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeyInfo(@JsonProperty("label") String label, @JsonProperty("limit") @Nullable BigDecimal limit,
		@JsonProperty("limit_remaining") @Nullable BigDecimal limitRemaining,
		@JsonProperty("limit_reset") @Nullable String limitReset, @JsonProperty("usage") BigDecimal usage,
		@JsonProperty("usage_daily") BigDecimal usageDaily, @JsonProperty("usage_weekly") BigDecimal usageWeekly,
		@JsonProperty("usage_monthly") BigDecimal usageMonthly, @JsonProperty("byok_usage") BigDecimal byokUsage,
		@JsonProperty("byok_usage_daily") BigDecimal byokUsageDaily,
		@JsonProperty("byok_usage_weekly") BigDecimal byokUsageWeekly,
		@JsonProperty("byok_usage_monthly") BigDecimal byokUsageMonthly,
		@JsonProperty("include_byok_in_limit") boolean includeByokInLimit,
		@JsonProperty("is_free_tier") boolean freeTier, @JsonProperty("is_management_key") boolean managementKey,
		@JsonProperty("is_provisioning_key") boolean provisioningKey,
		@JsonProperty("expires_at") @Nullable OffsetDateTime expiresAt,
		@JsonProperty("creator_user_id") @Nullable String creatorUserId,
		@JsonProperty("rate_limit") @Nullable RateLimit rateLimit) {

	/**
	 * Creates an instance, checking the values the API always sends.
	 * @param label the key's name, or its masked form when it has none
	 * @param limit the spending limit, or {@code null} when the key has none
	 * @param limitRemaining what is left of the limit, or {@code null} when the key has none
	 * @param limitReset how often the limit resets, or {@code null}
	 * @param usage the key's total usage
	 * @param usageDaily the usage of the current UTC day
	 * @param usageWeekly the usage of the current UTC week
	 * @param usageMonthly the usage of the current UTC month
	 * @param byokUsage the total BYOK usage
	 * @param byokUsageDaily the BYOK usage of the current UTC day
	 * @param byokUsageWeekly the BYOK usage of the current UTC week
	 * @param byokUsageMonthly the BYOK usage of the current UTC month
	 * @param includeByokInLimit whether BYOK usage counts against the limit
	 * @param freeTier whether this is a free-tier key
	 * @param managementKey whether this is a management key
	 * @param provisioningKey the deprecated alias of {@code managementKey}
	 * @param expiresAt when the key expires, or {@code null} if it does not
	 * @param creatorUserId the user who created the key, or {@code null}
	 * @param rateLimit the deprecated legacy rate limit, or {@code null}
	 * @throws IllegalArgumentException if a value the API always sends is missing
	 */
	public KeyInfo {
		Fields.require(label, "label");
		Fields.require(usage, "usage");
		Fields.require(usageDaily, "usage_daily");
		Fields.require(usageWeekly, "usage_weekly");
		Fields.require(usageMonthly, "usage_monthly");
		Fields.require(byokUsage, "byok_usage");
		Fields.require(byokUsageDaily, "byok_usage_daily");
		Fields.require(byokUsageWeekly, "byok_usage_weekly");
		Fields.require(byokUsageMonthly, "byok_usage_monthly");
	}

	/**
	 * Returns whether the key has a spending limit.
	 * @return {@code true} if {@link #limit()} is set
	 */
	public boolean hasLimit() {
		return this.limit != null;
	}

	/**
	 * The legacy rate limit of a key; deprecated by OpenRouter and safe to ignore.
	 *
	 * @param requests the number of requests allowed per interval
	 * @param interval the interval, for example {@code 1h}
	 * @param note OpenRouter's note on the field
	 * @since 0.1.0
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RateLimit(@JsonProperty("requests") long requests, @JsonProperty("interval") @Nullable String interval,
			@JsonProperty("note") @Nullable String note) {

	}

}
