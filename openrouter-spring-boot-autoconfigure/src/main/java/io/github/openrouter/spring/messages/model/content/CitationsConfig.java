package io.github.openrouter.spring.messages.model.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.RecordInstantiator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonValueInstantiator;

/**
 * Whether citations are enabled for a document or search result.
 *
 * @param enabled the {@code enabled} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonValueInstantiator(RecordInstantiator.class)
public record CitationsConfig(@JsonProperty("enabled") @Nullable Boolean enabled) {

}
