package io.github.openrouter.spring.messages.observation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds the distinct values of each tag key: the first {@code maxValues} values pass, later
 * ones become {@link #OTHER}. Thread-safe.
 */
final class TagValueLimiter {

	/**
	 * Replacement for values past the limit.
	 */
	static final String OTHER = "_OTHER";

	private final int maxValues;

	private final Map<String, Set<String>> valuesByKey = new ConcurrentHashMap<>();

	TagValueLimiter(int maxValues) {
		if (maxValues < 1) {
			throw new IllegalArgumentException("maxTagValues must be at least 1 but was " + maxValues);
		}
		this.maxValues = maxValues;
	}

	String limit(String key, String value) {
		if (OTHER.equals(value)) {
			return value;
		}
		Set<String> seen = this.valuesByKey.computeIfAbsent(key, (k) -> ConcurrentHashMap.newKeySet());
		if (seen.contains(value)) {
			return value;
		}
		synchronized (seen) {
			if (seen.contains(value)) {
				return value;
			}
			if (seen.size() >= this.maxValues) {
				return OTHER;
			}
			seen.add(value);
			return value;
		}
	}

}
