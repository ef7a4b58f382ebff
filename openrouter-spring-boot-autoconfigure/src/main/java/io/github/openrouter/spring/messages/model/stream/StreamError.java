package io.github.openrouter.spring.messages.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The error of an {@code error} event.
 *
 * @param type the {@code type} value, or {@code null}
 * @param message the {@code message} value, or {@code null}
 * @param errorType the {@code error_type} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StreamError(@JsonProperty("type") @Nullable String type,
		@JsonProperty("message") @Nullable String message,
		@JsonProperty("error_type") @Nullable String errorType) {

}
