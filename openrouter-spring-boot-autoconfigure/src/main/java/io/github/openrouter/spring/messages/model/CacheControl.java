package io.github.openrouter.spring.messages.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A prompt-cache breakpoint: {@code {"type":"ephemeral","ttl":"5m"|"1h"}}.
 *
 * @param type the {@code type} value
 * @param ttl the {@code ttl} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CacheControl(@JsonProperty("type") String type,
		@JsonProperty("ttl") @Nullable String ttl) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param ttl the {@code ttl} value, or {@code null}
	 */
	public CacheControl {
		Objects.requireNonNull(type, "type");
	}

	/**
	 * Returns an ephemeral breakpoint with the default time to live (5 minutes).
	 * @return the cache control
	 */
	public static CacheControl ephemeral() {
		return new CacheControl("ephemeral", null);
	}

	/**
	 * Returns an ephemeral breakpoint that lives one hour.
	 * @return the cache control
	 */
	public static CacheControl ephemeral1h() {
		return new CacheControl("ephemeral", "1h");
	}

}
