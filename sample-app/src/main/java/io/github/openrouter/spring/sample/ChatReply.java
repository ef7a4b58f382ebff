package io.github.openrouter.spring.sample;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code POST /chat}, and the final event of {@code GET /chat/stream}.
 *
 * @param text the answer text
 * @param model the model that served the request (may differ from the requested one after a
 * fallback)
 * @param provider the provider that served the request
 * @param stopReason why the answer ended
 * @param usage the token counts
 * @param cost the cost in USD, when OpenRouter reports it
 * @param generationId OpenRouter's generation id, for {@code GET /api/v1/generation?id=}
 * @since 0.1.0
 */
public record ChatReply(@JsonProperty("text") String text, @JsonProperty("model") @Nullable String model,
		@JsonProperty("provider") @Nullable String provider, @JsonProperty("stop_reason") @Nullable String stopReason,
		@JsonProperty("usage") ChatUsage usage, @JsonProperty("cost") @Nullable BigDecimal cost,
		@JsonProperty("generation_id") @Nullable String generationId) {

	static ChatReply from(MessageResponse response) {
		return new ChatReply(response.text(), response.model(), response.provider(),
				(response.stopReason() != null) ? response.stopReason().value() : null,
				ChatUsage.from(response.usage()), (response.usage() != null) ? response.usage().cost() : null,
				response.generationId());
	}

}
