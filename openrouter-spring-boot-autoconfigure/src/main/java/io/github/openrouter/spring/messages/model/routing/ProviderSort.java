package io.github.openrouter.spring.messages.model.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Provider sort of {@code provider.sort}: a plain strategy string ({@code "price"}) or an object
 * {@code {"by": ..., "partition": ...}}, written back in the form it was built or read.
 *
 * @param by the strategy, a {@link SortStrategy#value()}
 * @param partition a {@link SortPartition#value()} ({@code model} by default), object form only
 * @param object whether this sort is written as an object
 * @since 0.1.0
 */
public record ProviderSort(@Nullable String by, @Nullable String partition, boolean object) {

	/**
	 * Creates a sort, checking that the string form has a strategy.
	 * @param by the strategy
	 * @param partition the partition, object form only
	 * @param object whether this sort is written as an object
	 */
	public ProviderSort {
		if (!object && by == null) {
			throw new IllegalArgumentException("A string provider sort needs a strategy");
		}
	}

	/**
	 * Returns the string form, e.g. {@code "price"}.
	 * @param by the strategy
	 * @return the sort
	 */
	public static ProviderSort by(String by) {
		return new ProviderSort(by, null, false);
	}

	/**
	 * Returns the object form {@code {"by": by, "partition": partition}}.
	 * @param by the strategy, or {@code null}
	 * @param partition the partition, or {@code null}
	 * @return the sort
	 */
	public static ProviderSort of(@Nullable String by, @Nullable String partition) {
		return new ProviderSort(by, partition, true);
	}

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static ProviderSort fromJson(JsonNode node) {
		if (node.isString()) {
			return by(node.stringValue());
		}
		return of(text(node.get("by")), text(node.get("partition")));
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	@JsonValue
	Object jsonValue() {
		if (!this.object) {
			return this.by;
		}
		Map<String, @Nullable Object> map = new LinkedHashMap<>();
		map.put("by", this.by);
		map.put("partition", this.partition);
		return map;
	}

}
