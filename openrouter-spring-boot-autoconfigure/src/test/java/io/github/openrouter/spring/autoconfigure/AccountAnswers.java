package io.github.openrouter.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Answers of {@code GET /api/v1/key} and {@code GET /api/v1/credits} for the account tests, in the
 * shape of OpenRouter's OpenAPI document.
 */
final class AccountAnswers {

	private AccountAnswers() {
	}

	/**
	 * Returns a key answer.
	 * @param label the label
	 * @param limit the limit, or {@code null} for a key without one
	 * @param remaining what is left of the limit, or {@code null}
	 * @param usage the usage of every period
	 * @param expiresAt the expiry, or {@code null}
	 * @return the JSON text
	 */
	static String key(String label, @Nullable String limit, @Nullable String remaining, String usage,
			@Nullable String expiresAt) {
		return """
				{"data":{"label":"%s","limit":%s,"limit_remaining":%s,"limit_reset":%s,"usage":%s,
				"usage_daily":%s,"usage_weekly":%s,"usage_monthly":%s,"byok_usage":1.5,"byok_usage_daily":0.5,
				"byok_usage_weekly":1,"byok_usage_monthly":1.5,"include_byok_in_limit":false,"is_free_tier":false,
				"is_management_key":false,"is_provisioning_key":false,"expires_at":%s,"creator_user_id":null,
				"rate_limit":{"requests":-1,"interval":"10s","note":"deprecated"}}}"""
			.formatted(label, limit, remaining, (limit != null) ? "\"monthly\"" : "null", usage, usage, usage, usage,
					(expiresAt != null) ? "\"" + expiresAt + "\"" : "null");
	}

	/**
	 * Returns a credits answer.
	 * @param total the credits purchased
	 * @param used the credits used
	 * @return the JSON text
	 */
	static String credits(String total, String used) {
		return "{\"data\":{\"total_credits\":" + total + ",\"total_usage\":" + used + "}}";
	}

}
