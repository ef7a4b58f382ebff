package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.content.Citation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A citation to add to a text block.
 *
 * @param type the {@code type}, always {@code citations_delta}
 * @param citation the {@code citation} value
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record CitationsDelta(@JsonProperty("type") String type,
		@JsonProperty("citation") Citation citation,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements Delta {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "citations_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code citations_delta}
	 * @param citation the {@code citation} value
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public CitationsDelta {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(citation, "citation");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code citations_delta}
	 * @param citation the {@code citation} value
	 */
	public CitationsDelta(String type, Citation citation) {
		this(type, citation, Map.of());
	}

}
