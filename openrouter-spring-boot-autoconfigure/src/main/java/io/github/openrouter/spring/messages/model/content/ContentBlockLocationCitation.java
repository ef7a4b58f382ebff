package io.github.openrouter.spring.messages.model.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Citation of a block range in a content document.
 *
 * @param type the {@code type}, always {@code content_block_location}
 * @param citedText the {@code cited_text} value, or {@code null}
 * @param documentIndex the {@code document_index} value, or {@code null}
 * @param documentTitle the {@code document_title} value, or {@code null} (left out when null: request citations do not declare it)
 * @param fileId the {@code file_id} value, or {@code null} (left out when null: request citations do not declare it)
 * @param startBlockIndex the {@code start_block_index} value, or {@code null}
 * @param endBlockIndex the {@code end_block_index} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContentBlockLocationCitation(@JsonProperty("type") String type,
		@JsonProperty("cited_text") @Nullable String citedText,
		@JsonProperty("document_index") @Nullable Integer documentIndex,
		@JsonProperty("document_title") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String documentTitle,
		@JsonProperty("file_id") @Nullable String fileId,
		@JsonProperty("start_block_index") @Nullable Integer startBlockIndex,
		@JsonProperty("end_block_index") @Nullable Integer endBlockIndex) implements Citation {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "content_block_location";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code content_block_location}
	 * @param citedText the {@code cited_text} value, or {@code null}
	 * @param documentIndex the {@code document_index} value, or {@code null}
	 * @param documentTitle the {@code document_title} value, or {@code null}
	 * @param fileId the {@code file_id} value, or {@code null}
	 * @param startBlockIndex the {@code start_block_index} value, or {@code null}
	 * @param endBlockIndex the {@code end_block_index} value, or {@code null}
	 */
	public ContentBlockLocationCitation {
		type = TYPE;
	}

}
