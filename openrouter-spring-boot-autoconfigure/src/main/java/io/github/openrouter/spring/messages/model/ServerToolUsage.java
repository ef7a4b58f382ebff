package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Number of server tool requests made.
 *
 * @param webSearchRequests the {@code web_search_requests} value, or {@code null}
 * @param webFetchRequests the {@code web_fetch_requests} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerToolUsage(@JsonProperty("web_search_requests") @Nullable Integer webSearchRequests,
		@JsonProperty("web_fetch_requests") @Nullable Integer webFetchRequests) {

}
