package io.github.openrouter.spring.messages.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Content of a compaction block.
 *
 * @param type the {@code type}, always {@code compaction_delta}
 * @param content the {@code content} value, or {@code null}
 * @param encryptedContent the {@code encrypted_content} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record CompactionDelta(@JsonProperty("type") String type,
		@JsonProperty("content") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String content,
		@JsonProperty("encrypted_content") @Nullable String encryptedContent) implements Delta {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "compaction_delta";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code compaction_delta}
	 * @param content the {@code content} value, or {@code null}
	 * @param encryptedContent the {@code encrypted_content} value, or {@code null}
	 */
	public CompactionDelta {
		type = TYPE;
	}

}
