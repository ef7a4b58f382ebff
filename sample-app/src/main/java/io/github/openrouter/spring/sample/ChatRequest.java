package io.github.openrouter.spring.sample;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /chat}.
 *
 * @param message the user's message
 * @since 0.1.0
 */
public record ChatRequest(@JsonProperty("message") @Nullable String message) {

}
