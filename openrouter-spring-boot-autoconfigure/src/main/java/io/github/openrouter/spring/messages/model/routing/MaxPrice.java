package io.github.openrouter.spring.messages.model.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Highest prices to pay, in USD, as decimal strings (per million prompt/completion tokens, per image, per audio unit, per request).
 *
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
