package io.github.openrouter.spring.messages.model.routing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A soft latency or throughput preference: a single number (the p50) or per-percentile cutoffs
 * {@code {"p50":..,"p75":..,"p90":..,"p99":..}}, written back in the form it was built or read.
 *
 * @param value the single-number form, or {@code null} for the percentile form
 * @param p50 the p50 cutoff
 * @param p75 the p75 cutoff
 * @param p90 the p90 cutoff
 * @param p99 the p99 cutoff
 * @since 0.1.0
 */
public record PerformancePreference(@Nullable BigDecimal value, @Nullable BigDecimal p50, @Nullable BigDecimal p75,
		@Nullable BigDecimal p90, @Nullable BigDecimal p99) {

	/**
	 * Returns the single-number form.
	 * @param value seconds of latency or tokens per second
	 * @return the preference
	 */
	public static PerformancePreference of(double value) {
		return new PerformancePreference(BigDecimal.valueOf(value), null, null, null, null);
	}

	/**
	 * Returns the percentile form; {@code null} leaves a percentile out.
	 * @param p50 the p50 cutoff
	 * @param p75 the p75 cutoff
	 * @param p90 the p90 cutoff
	 * @param p99 the p99 cutoff
	 * @return the preference
	 */
	public static PerformancePreference percentiles(@Nullable Number p50, @Nullable Number p75, @Nullable Number p90,
			@Nullable Number p99) {
		return new PerformancePreference(null, decimal(p50), decimal(p75), decimal(p90), decimal(p99));
	}

	private static @Nullable BigDecimal decimal(@Nullable Number number) {
		return (number != null) ? new BigDecimal(number.toString()) : null;
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static PerformancePreference fromJson(JsonNode node) {
		if (node.isNumber()) {
			return new PerformancePreference(node.decimalValue(), null, null, null, null);
		}
		return new PerformancePreference(null, number(node.get("p50")), number(node.get("p75")), number(node.get("p90")),
				number(node.get("p99")));
	}

	private static @Nullable BigDecimal number(@Nullable JsonNode node) {
		return (node != null && node.isNumber()) ? node.decimalValue() : null;
	}

	@JsonValue
	Object jsonValue() {
		if (this.value != null) {
			return this.value;
		}
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		putIfSet(map, "p50", this.p50);
		putIfSet(map, "p75", this.p75);
		putIfSet(map, "p90", this.p90);
		putIfSet(map, "p99", this.p99);
		return map;
	}

	private static void putIfSet(Map<String, BigDecimal> map, String key, @Nullable BigDecimal value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
