package io.github.openrouter.spring.messages.model.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Highest prices to pay, in USD, as decimal strings (per million prompt/completion tokens, per image, per audio unit, per request).
 *
 * @param prompt the {@code prompt} value, or {@code null}
 * @param completion the {@code completion} value, or {@code null}
 * @param image the {@code image} value, or {@code null}
 * @param audio the {@code audio} value, or {@code null}
 * @param request the {@code request} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MaxPrice(@JsonProperty("prompt") @Nullable String prompt,
		@JsonProperty("completion") @Nullable String completion,
		@JsonProperty("image") @Nullable String image,
		@JsonProperty("audio") @Nullable String audio,
		@JsonProperty("request") @Nullable String request) {

}
