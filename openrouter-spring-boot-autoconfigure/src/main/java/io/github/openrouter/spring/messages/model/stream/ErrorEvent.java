package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An error after the stream started.
 *
 * @param type the {@code type}, always {@code error}
 * @param error the {@code error} value, or {@code null}
 * @param openrouterMetadata the {@code openrouter_metadata} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ErrorEvent(@JsonProperty("type") String type,
		@JsonProperty("error") @Nullable StreamError error,
		@JsonProperty("openrouter_metadata") @Nullable OpenRouterMetadata openrouterMetadata,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements StreamEvent {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "error";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code error}
	 * @param error the {@code error} value, or {@code null}
	 * @param openrouterMetadata the {@code openrouter_metadata} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ErrorEvent {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code error}
	 * @param error the {@code error} value, or {@code null}
	 * @param openrouterMetadata the {@code openrouter_metadata} value, or {@code null}
	 */
	public ErrorEvent(String type, @Nullable StreamError error, @Nullable OpenRouterMetadata openrouterMetadata) {
		this(type, error, openrouterMetadata, Map.of());
	}

}
