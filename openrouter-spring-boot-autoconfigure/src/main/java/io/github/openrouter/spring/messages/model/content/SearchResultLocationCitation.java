package io.github.openrouter.spring.messages.model.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Citation of a client-supplied search result.
 *
 * @param type the {@code type}, always {@code search_result_location}
 * @param citedText the {@code cited_text} value, or {@code null}
 * @param searchResultIndex the {@code search_result_index} value, or {@code null}
 * @param source the {@code source} value, or {@code null}
 * @param title the {@code title} value, or {@code null} (always written: required, nullable)
 * @param startBlockIndex the {@code start_block_index} value, or {@code null}
 * @param endBlockIndex the {@code end_block_index} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record SearchResultLocationCitation(@JsonProperty("type") String type,
		@JsonProperty("cited_text") @Nullable String citedText,
		@JsonProperty("search_result_index") @Nullable Integer searchResultIndex,
		@JsonProperty("source") @Nullable String source,
		@JsonProperty("title") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String title,
		@JsonProperty("start_block_index") @Nullable Integer startBlockIndex,
		@JsonProperty("end_block_index") @Nullable Integer endBlockIndex) implements Citation {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "search_result_location";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code search_result_location}
	 * @param citedText the {@code cited_text} value, or {@code null}
	 * @param searchResultIndex the {@code search_result_index} value, or {@code null}
	 * @param source the {@code source} value, or {@code null}
	 * @param title the {@code title} value, or {@code null}
	 * @param startBlockIndex the {@code start_block_index} value, or {@code null}
	 * @param endBlockIndex the {@code end_block_index} value, or {@code null}
	 */
	public SearchResultLocationCitation {
		type = TYPE;
	}

}
