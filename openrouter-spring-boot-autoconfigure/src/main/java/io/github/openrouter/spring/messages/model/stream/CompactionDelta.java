package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Content of a compaction block.
 *
 * @param type the {@code type}, always {@code compaction_delta}
 * @param content the {@code content} value, or {@code null}
 * @param encryptedContent the {@code encrypted_content} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record CompactionDelta(@JsonProperty("type") String type,
		@JsonProperty("content") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String content,
		@JsonProperty("encrypted_content") @Nullable String encryptedContent,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements Delta {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "compaction_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code compaction_delta}
	 * @param content the {@code content} value, or {@code null}
	 * @param encryptedContent the {@code encrypted_content} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public CompactionDelta {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code compaction_delta}
	 * @param content the {@code content} value, or {@code null}
	 * @param encryptedContent the {@code encrypted_content} value, or {@code null}
	 */
	public CompactionDelta(String type, @Nullable String content, @Nullable String encryptedContent) {
		this(type, content, encryptedContent, Map.of());
	}

}
