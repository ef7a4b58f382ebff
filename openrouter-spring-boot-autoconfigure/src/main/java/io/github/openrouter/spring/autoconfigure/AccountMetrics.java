package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.openrouter.spring.account.Credits;
import io.github.openrouter.spring.account.KeyInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

/**
 * The account gauges, fed by the {@link AccountRefresher}: a gauge shows only what the last
 * successful read reported (a key without a limit has no limit gauges, one without an expiry no
 * expiry gauge, and nothing shows before the first read); a failed read keeps the last values
 * and counts the failure.
 */
final class AccountMetrics implements AccountRefresher.Listener {

	/** Usage of the key in USD, tagged with {@value #PERIOD}. */
	static final String KEY_USAGE = "openrouter.key.usage";

	/** BYOK usage of the key in USD, tagged with {@value #PERIOD}. */
	static final String KEY_BYOK_USAGE = "openrouter.key.byok.usage";

	/** Spending limit of the key in USD, when it has one. */
	static final String KEY_LIMIT = "openrouter.key.limit";

	/** What is left of the key's spending limit in USD, when it has one. */
	static final String KEY_LIMIT_REMAINING = "openrouter.key.limit.remaining";

	/** Seconds until the key expires, when it expires. */
	static final String KEY_EXPIRY = "openrouter.key.expiry";

	/** The account's credits in USD (management key only), tagged with {@value #CREDITS_TYPE}. */
	static final String ACCOUNT_CREDITS = "openrouter.account.credits";

	/** Failed reads, tagged with {@value #CALL} and {@code error.type}. */
	static final String REFRESH_FAILURES = "openrouter.account.refresh.failures";

	static final String PERIOD = "period";

	static final String CREDITS_TYPE = "credits.type";

	static final String CALL = "call";

	private final MeterRegistry registry;

	private final Clock clock;

	private final AtomicReference<AccountState> state = new AtomicReference<>(AccountState.NONE);

	private final MultiGauge usage;

	private final MultiGauge byokUsage;

	private final MultiGauge limit;

	private final MultiGauge limitRemaining;

	private final MultiGauge expiry;

	private final MultiGauge credits;

	AccountMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		this.usage = gauge(KEY_USAGE, "Usage of the OpenRouter key", "usd");
		this.byokUsage = gauge(KEY_BYOK_USAGE, "Usage of the OpenRouter key billed to the user's own provider keys",
				"usd");
		this.limit = gauge(KEY_LIMIT, "Spending limit of the OpenRouter key", "usd");
		this.limitRemaining = gauge(KEY_LIMIT_REMAINING, "What is left of the spending limit of the OpenRouter key",
				"usd");
		this.expiry = gauge(KEY_EXPIRY, "Time until the OpenRouter key expires", "seconds");
		this.credits = gauge(ACCOUNT_CREDITS, "Credits of the OpenRouter account", "usd");
		// the failure counter exists from the start, so that a rate over it has a baseline
		registry.counter(REFRESH_FAILURES, Tags.of(CALL, "key", "error.type", "none"));
	}

	private MultiGauge gauge(String name, String description, String unit) {
		return MultiGauge.builder(name).description(description).baseUnit(unit).register(this.registry);
	}

	@Override
	public void onUpdate(AccountState state) {
		this.state.set(state);
		KeyInfo key = state.key();
		if (key == null) {
			return;
		}
		this.usage.register(periods(KeyInfo::usage, KeyInfo::usageDaily, KeyInfo::usageWeekly, KeyInfo::usageMonthly));
		this.byokUsage.register(periods(KeyInfo::byokUsage, KeyInfo::byokUsageDaily, KeyInfo::byokUsageWeekly,
				KeyInfo::byokUsageMonthly));
		this.limit.register(rowIfPresent(key.limit(), (info) -> info.limit()));
		this.limitRemaining.register(rowIfPresent(key.limitRemaining(), (info) -> info.limitRemaining()));
		this.expiry.register((key.expiresAt() != null) ? List.of(MultiGauge.Row.of(Tags.empty(), this,
				AccountMetrics::secondsToExpiry)) : List.of());
		Credits balance = state.credits();
		if (balance != null) {
			this.credits.register(List.of(creditsRow("purchased", Credits::totalCredits),
					creditsRow("used", Credits::totalUsage), creditsRow("remaining", Credits::remaining)));
		}
	}

	@Override
	public void onFailure(String call, String errorType) {
		this.registry.counter(REFRESH_FAILURES, Tags.of(CALL, call, "error.type", errorType)).increment();
	}

	@SafeVarargs
	private List<MultiGauge.Row<?>> periods(Function<KeyInfo, BigDecimal>... byPeriod) {
		String[] names = { "total", "day", "week", "month" };
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		for (int i = 0; i < byPeriod.length; i++) {
			Function<KeyInfo, BigDecimal> value = byPeriod[i];
			rows.add(MultiGauge.Row.of(Tags.of(PERIOD, names[i]), this, (metrics) -> metrics.keyValue(value)));
		}
		return rows;
	}

	private List<MultiGauge.Row<?>> rowIfPresent(@Nullable BigDecimal current,
			Function<KeyInfo, @Nullable BigDecimal> value) {
		return (current != null) ? List.of(MultiGauge.Row.of(Tags.empty(), this, (metrics) -> metrics.keyValue(value)))
				: List.of();
	}

	private MultiGauge.Row<?> creditsRow(String type, Function<Credits, BigDecimal> value) {
		return MultiGauge.Row.of(Tags.of(CREDITS_TYPE, type), this, (metrics) -> {
			Credits balance = metrics.state.get().credits();
			return (balance != null) ? value.apply(balance).doubleValue() : Double.NaN;
		});
	}

	private double keyValue(Function<KeyInfo, @Nullable BigDecimal> value) {
		KeyInfo key = this.state.get().key();
		BigDecimal number = (key != null) ? value.apply(key) : null;
		return (number != null) ? number.doubleValue() : Double.NaN;
	}

	private double secondsToExpiry() {
		KeyInfo key = this.state.get().key();
		if (key == null || key.expiresAt() == null) {
			return Double.NaN;
		}
		return Duration.between(this.clock.instant(), key.expiresAt().toInstant()).toMillis() / 1000.0;
	}

}
