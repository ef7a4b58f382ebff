package io.github.openrouter.spring.messages.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Model-availability details of an error ({@code error.availability}): why no model or provider
 * could serve the request and whether trying again may help.
 *
 * @param code the availability code, such as {@code capacity_exhausted}; open set
 * @param retryable the server's verdict on retrying, or {@code null} if it gave none
 * @param retryAfter how long the server asks to wait, or {@code null}
 * @param requestedModels the models the request asked for
 * @param affectedProviders the providers that failed
 * @param fallbackModels models the server suggests instead
 * @param docsUrl a link to the documentation of the code, or {@code null}
 * @param raw the whole {@code availability} object as received
 * @since 0.1.0
 */
public record ErrorAvailability(@Nullable String code, @Nullable Boolean retryable, @Nullable Duration retryAfter,
		List<String> requestedModels, List<String> affectedProviders, List<String> fallbackModels,
		@Nullable String docsUrl, JsonNode raw) {

	/**
	 * Creates availability details, copying the lists.
	 */
	public ErrorAvailability {
		requestedModels = List.copyOf(requestedModels);
		affectedProviders = List.copyOf(affectedProviders);
		fallbackModels = List.copyOf(fallbackModels);
	}

}
