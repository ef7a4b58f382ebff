package io.github.openrouter.spring.messages.model.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Citation of a web search result.
 *
 * @param type the {@code type}, always {@code web_search_result_location}
 * @param citedText the {@code cited_text} value, or {@code null}
 * @param encryptedIndex the {@code encrypted_index} value, or {@code null}
 * @param title the {@code title} value, or {@code null} (always written: required, nullable)
 * @param url the {@code url} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record WebSearchResultLocationCitation(@JsonProperty("type") String type,
		@JsonProperty("cited_text") @Nullable String citedText,
		@JsonProperty("encrypted_index") @Nullable String encryptedIndex,
		@JsonProperty("title") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String title,
		@JsonProperty("url") @Nullable String url) implements Citation {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "web_search_result_location";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code web_search_result_location}
	 * @param citedText the {@code cited_text} value, or {@code null}
	 * @param encryptedIndex the {@code encrypted_index} value, or {@code null}
	 * @param title the {@code title} value, or {@code null}
	 * @param url the {@code url} value, or {@code null}
	 */
	public WebSearchResultLocationCitation {
		type = TYPE;
	}

}
