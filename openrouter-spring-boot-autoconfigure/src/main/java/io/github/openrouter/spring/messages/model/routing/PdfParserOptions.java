package io.github.openrouter.spring.messages.model.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.RecordInstantiator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonValueInstantiator;

/**
 * PDF options of the file parser plugin.
 *
 * @param engine the {@code engine} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonValueInstantiator(RecordInstantiator.class)
public record PdfParserOptions(@JsonProperty("engine") @Nullable String engine) {

}
