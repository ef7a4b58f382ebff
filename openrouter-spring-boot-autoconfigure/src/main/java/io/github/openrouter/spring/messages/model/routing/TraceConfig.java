package io.github.openrouter.spring.messages.model.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Trace settings ({@code trace}) forwarded to broadcast destinations: the known keys plus any
 * extra keys, which are sent as written.
 *
 * @param traceId the trace id
 * @param traceName the trace name
 * @param spanName the span name
 * @param generationName the generation name
 * @param parentSpanId the parent span id
 * @param extra further keys
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceConfig(@JsonProperty("trace_id") @Nullable String traceId,
		@JsonProperty("trace_name") @Nullable String traceName, @JsonProperty("span_name") @Nullable String spanName,
		@JsonProperty("generation_name") @Nullable String generationName,
		@JsonProperty("parent_span_id") @Nullable String parentSpanId,
		@JsonAnyGetter @JsonAnySetter Map<String, @Nullable Object> extra) {

	/**
	 * Creates a trace configuration, copying the extra keys.
	 * @param traceId the trace id
	 * @param traceName the trace name
	 * @param spanName the span name
	 * @param generationName the generation name
	 * @param parentSpanId the parent span id
	 * @param extra further keys
	 */
	public TraceConfig {
		extra = (extra != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(extra)) : Map.of();
	}

	/**
	 * Returns a trace configuration with only a trace id.
	 * @param traceId the trace id
	 * @return the configuration
	 */
	public static TraceConfig ofTraceId(String traceId) {
		return new TraceConfig(traceId, null, null, null, null, Map.of());
	}

	/**
	 * Returns a copy with one more extra key.
	 * @param key the key
	 * @param value the value
	 * @return the new configuration
	 */
	public TraceConfig withExtra(String key, @Nullable Object value) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>(this.extra);
		copy.put(key, value);
		return new TraceConfig(this.traceId, this.traceName, this.spanName, this.generationName, this.parentSpanId, copy);
	}

}
