package io.github.openrouter.spring.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Samples of one figure over measured rounds, summarised by their median.
 *
 * @since 0.1.0
 */
final class Stats {

	private final List<Double> samples = new ArrayList<>();

	void add(double sample) {
		this.samples.add(sample);
	}

	double median() {
		if (this.samples.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.samples);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * Returns the median of this figure divided by another's, round by round: the i-th sample
	 * of each was measured in the same round, so drift of the machine between rounds cancels.
	 * @param other the figure to divide by, with as many samples
	 * @return the median ratio
	 */
	double medianRatioTo(Stats other) {
		Stats ratios = new Stats();
		for (int i = 0; i < Math.min(this.samples.size(), other.samples.size()); i++) {
			ratios.add(this.samples.get(i) / other.samples.get(i));
		}
		return ratios.median();
	}

	double min() {
		return this.samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	double max() {
		return this.samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/**
	 * Formats a number for a result table.
	 */
	static String format(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		if (Math.abs(value) >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	/**
	 * Formats a ratio for a result table.
	 */
	static String ratio(double value, double floor) {
		return String.format(Locale.ROOT, "%.2f", value / floor);
	}

}
