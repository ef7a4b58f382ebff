package io.github.openrouter.spring.messages.model.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Citation of a page range in a PDF document.
 *
 * @param type the {@code type}, always {@code page_location}
 * @param citedText the {@code cited_text} value, or {@code null}
 * @param documentIndex the {@code document_index} value, or {@code null}
 * @param documentTitle the {@code document_title} value, or {@code null} (left out when null: request citations do not declare it)
 * @param fileId the {@code file_id} value, or {@code null} (left out when null: request citations do not declare it)
 * @param startPageNumber the {@code start_page_number} value, or {@code null}
 * @param endPageNumber the {@code end_page_number} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record PageLocationCitation(@JsonProperty("type") String type,
		@JsonProperty("cited_text") @Nullable String citedText,
		@JsonProperty("document_index") @Nullable Integer documentIndex,
		@JsonProperty("document_title") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String documentTitle,
		@JsonProperty("file_id") @Nullable String fileId,
		@JsonProperty("start_page_number") @Nullable Integer startPageNumber,
		@JsonProperty("end_page_number") @Nullable Integer endPageNumber) implements Citation {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "page_location";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code page_location}
	 * @param citedText the {@code cited_text} value, or {@code null}
	 * @param documentIndex the {@code document_index} value, or {@code null}
	 * @param documentTitle the {@code document_title} value, or {@code null}
	 * @param fileId the {@code file_id} value, or {@code null}
	 * @param startPageNumber the {@code start_page_number} value, or {@code null}
	 * @param endPageNumber the {@code end_page_number} value, or {@code null}
	 */
	public PageLocationCitation {
		type = TYPE;
	}

}
