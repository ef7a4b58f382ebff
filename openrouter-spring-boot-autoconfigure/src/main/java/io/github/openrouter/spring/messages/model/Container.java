package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The code-execution container used by a response.
 *
 * @param id the {@code id} value, or {@code null}
 * @param expiresAt the {@code expires_at} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Container(@JsonProperty("id") @Nullable String id,
		@JsonProperty("expires_at") @Nullable String expiresAt) {

}
