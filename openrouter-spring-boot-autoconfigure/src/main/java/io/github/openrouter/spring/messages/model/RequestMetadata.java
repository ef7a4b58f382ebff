package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic-style request metadata.
 *
 * @param userId the {@code user_id} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestMetadata(@JsonProperty("user_id") @Nullable String userId) {

	/**
	 * Returns metadata naming the end user.
	 * @param userId an opaque user id
	 * @return the metadata
	 */
	public static RequestMetadata ofUser(String userId) {
		return new RequestMetadata(userId);
	}

}
