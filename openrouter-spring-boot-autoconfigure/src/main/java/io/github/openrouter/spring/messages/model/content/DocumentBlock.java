package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A document content block (PDF, plain text, inline content, URL or file).
 *
 * @param type the {@code type}, always {@code document}
 * @param source the {@code source} value
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param citations the {@code citations} value, or {@code null}
 * @param context the {@code context} value, or {@code null}
 * @param title the {@code title} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record DocumentBlock(@JsonProperty("type") String type,
		@JsonProperty("source") BlockSource source,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonProperty("citations") @Nullable CitationsConfig citations,
		@JsonProperty("context") @Nullable String context,
		@JsonProperty("title") @Nullable String title,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "document";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code document}
	 * @param source the {@code source} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param citations the {@code citations} value, or {@code null}
	 * @param context the {@code context} value, or {@code null}
	 * @param title the {@code title} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public DocumentBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(source, "source");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code document}
	 * @param source the {@code source} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param citations the {@code citations} value, or {@code null}
	 * @param context the {@code context} value, or {@code null}
	 * @param title the {@code title} value, or {@code null}
	 */
	public DocumentBlock(String type, BlockSource source, @Nullable CacheControl cacheControl, @Nullable CitationsConfig citations, @Nullable String context, @Nullable String title) {
		this(type, source, cacheControl, citations, context, title, Map.of());
	}

	/**
	 * Returns a document block with a base64 PDF.
	 * @param data the base64 PDF data
	 * @return the block
	 */
	public static DocumentBlock pdfBase64(String data) {
		return of(Base64Source.of("application/pdf", data));
	}

	/**
	 * Returns a document block that references a PDF by URL.
	 * @param url the PDF URL
	 * @return the block
	 */
	public static DocumentBlock pdfUrl(String url) {
		return of(UrlSource.of(url));
	}

	/**
	 * Returns a document block with plain text.
	 * @param text the document text
	 * @return the block
	 */
	public static DocumentBlock plainText(String text) {
		return of(TextSource.of(text));
	}

	/**
	 * Returns a document block that references an uploaded file.
	 * @param fileId the file id
	 * @return the block
	 */
	public static DocumentBlock file(String fileId) {
		return of(FileSource.of(fileId));
	}

	/**
	 * Returns a document block with the given source.
	 * @param source the source
	 * @return the block
	 */
	public static DocumentBlock of(BlockSource source) {
		return new DocumentBlock(TYPE, source, null, null, null, null);
	}

}
