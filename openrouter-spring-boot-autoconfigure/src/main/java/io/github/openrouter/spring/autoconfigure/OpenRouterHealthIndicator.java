package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.regex.Pattern;

import io.github.openrouter.spring.account.Credits;
import io.github.openrouter.spring.account.KeyInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code openrouter} health component: the state of the API key and its credit, read from
 * the values the background refresh keeps (a probe never calls OpenRouter).
 *
 * <p>
 * The component is {@code UP} while the key is accepted, not expired and has credit above the
 * threshold (or no limit). Otherwise it reports {@link #KEY_REJECTED}, {@link #KEY_EXPIRED},
 * {@link #NO_CREDIT} or {@link #LOW_CREDIT}, statuses of its own that Spring Boot's default
 * aggregation ignores: the component shows the problem while the aggregate health (which load
 * balancers often probe) stays as it is. With {@code openrouter.account.down-when-unusable=true}
 * a rejected or expired key and no credit report {@code DOWN} instead, which takes the aggregate
 * (and every group that includes the component) down. Before the first read, the component is
 * {@code UNKNOWN}.
 *
 * <p>
 * Details: the key's label (a masked placeholder for an unnamed key, whose label is a fragment of
 * the key), its limit ({@code none} without one), the remaining limit, the free tier, the
 * expiry, the balance with a management key, when the values were read, and the last failure.
 *
 * @since 0.1.0
 */
public final class OpenRouterHealthIndicator implements HealthIndicator {

	/** OpenRouter answered 401 or 403 to the key's own info: the key is not accepted. */
	public static final Status KEY_REJECTED = new Status("KEY_REJECTED", "OpenRouter rejects the API key");

	/** The key's expiry has passed. */
	public static final Status KEY_EXPIRED = new Status("KEY_EXPIRED", "The API key has expired");

	/** Nothing is left of the key's limit (or of the account's balance). */
	public static final Status NO_CREDIT = new Status("NO_CREDIT", "No credit left");

	/** Less than the threshold is left of the key's limit (or of the account's balance). */
	public static final Status LOW_CREDIT = new Status("LOW_CREDIT", "Credit below the threshold");

	/** Label shown for a key without a name, whose label is a fragment of the key itself. */
	static final String UNNAMED_KEY = "(unnamed key)";

	private static final Pattern KEY_LIKE = Pattern.compile("(?i)^sk-|\\.\\.\\.|…");

	private final AccountRefresher refresher;

	private final BigDecimal lowCreditThreshold;

	private final boolean downWhenUnusable;

	OpenRouterHealthIndicator(AccountRefresher refresher, BigDecimal lowCreditThreshold, boolean downWhenUnusable) {
		this.refresher = refresher;
		this.lowCreditThreshold = lowCreditThreshold;
		this.downWhenUnusable = downWhenUnusable;
	}

	@Override
	public Health health() {
		AccountState state = this.refresher.state();
		KeyInfo key = state.key();
		Health.Builder health = new Health.Builder();
		Instant now = this.refresher.clock().instant();
		if (key != null) {
			details(health, key, state.credits(), state.refreshedAt());
		}
		if (state.lastError() != null) {
			health.withDetail("lastError", state.lastError()).withDetail("lastErrorAt", String.valueOf(state.lastErrorAt()));
		}
		if (state.keyRejected()) {
			return unusable(health, KEY_REJECTED);
		}
		if (key == null) {
			return health.unknown().build();
		}
		if (key.expiresAt() != null && !key.expiresAt().toInstant().isAfter(now)) {
			return unusable(health, KEY_EXPIRED);
		}
		BigDecimal remaining = remaining(key, state.credits());
		if (remaining != null && remaining.signum() <= 0) {
			return unusable(health, NO_CREDIT);
		}
		if (remaining != null && remaining.compareTo(this.lowCreditThreshold) < 0) {
			return health.status(LOW_CREDIT).build();
		}
		return health.up().build();
	}

	private Health unusable(Health.Builder health, Status problem) {
		if (this.downWhenUnusable) {
			return health.down().withDetail("problem", problem.getCode()).build();
		}
		return health.status(problem).build();
	}

	private void details(Health.Builder health, KeyInfo key, @Nullable Credits credits,
			@Nullable Instant refreshedAt) {
		health.withDetail("label", label(key.label()));
		health.withDetail("limit", (key.limit() != null) ? key.limit() : "none");
		if (key.limitRemaining() != null) {
			health.withDetail("limitRemaining", key.limitRemaining());
		}
		if (key.limitReset() != null) {
			health.withDetail("limitReset", key.limitReset());
		}
		health.withDetail("usage", key.usage()).withDetail("usageDaily", key.usageDaily());
		health.withDetail("freeTier", key.freeTier());
		health.withDetail("expiresAt", (key.expiresAt() != null) ? key.expiresAt().toString() : "never");
		if (credits != null) {
			health.withDetail("balance", credits.remaining());
		}
		health.withDetail("lowCreditThreshold", this.lowCreditThreshold);
		health.withDetail("refreshedAt", String.valueOf(refreshedAt));
	}

	/**
	 * Returns the credit left: the lower of the key's remaining limit and the account balance
	 * (with a management key), or {@code null} when neither is known (a key without a limit).
	 */
	private static @Nullable BigDecimal remaining(KeyInfo key, @Nullable Credits credits) {
		BigDecimal limitRemaining = key.limitRemaining();
		BigDecimal balance = (credits != null) ? credits.remaining() : null;
		if (limitRemaining == null || balance == null) {
			return (limitRemaining != null) ? limitRemaining : balance;
		}
		return limitRemaining.min(balance);
	}

	static String label(String label) {
		return KEY_LIKE.matcher(label).find() ? UNNAMED_KEY : label;
	}

}
