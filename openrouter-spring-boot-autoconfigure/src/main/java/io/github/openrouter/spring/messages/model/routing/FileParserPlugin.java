package io.github.openrouter.spring.messages.model.routing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The file parser plugin (PDF engines).
 *
 * @param id the {@code id}, always {@code file-parser}
 * @param enabled the {@code enabled} value, or {@code null}
 * @param pdf the {@code pdf} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record FileParserPlugin(@JsonProperty("id") String id,
		@JsonProperty("enabled") @Nullable Boolean enabled,
		@JsonProperty("pdf") @Nullable PdfParserOptions pdf) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "file-parser";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code file-parser}
	 * @param enabled the {@code enabled} value, or {@code null}
	 * @param pdf the {@code pdf} value, or {@code null}
	 */
	public FileParserPlugin {
		id = TYPE;
	}

	/**
	 * Returns the file parser plugin with a PDF engine.
	 * @param engine {@code mistral-ocr}, {@code native} or {@code cloudflare-ai}
	 * @return the plugin
	 */
	public static FileParserPlugin pdfEngine(String engine) {
		return new FileParserPlugin(TYPE, null, new PdfParserOptions(engine));
	}

}
