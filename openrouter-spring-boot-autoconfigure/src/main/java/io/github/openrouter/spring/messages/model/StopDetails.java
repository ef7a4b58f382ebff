package io.github.openrouter.spring.messages.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Details of why the model stopped, e.g. the category of a refusal.
 *
 * @param type the {@code type} value, or {@code null}
 * @param category the {@code category} value, or {@code null}
 * @param explanation the {@code explanation} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StopDetails(@JsonProperty("type") @Nullable String type,
		@JsonProperty("category") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable RefusalCategory category,
		@JsonProperty("explanation") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String explanation) {

}
