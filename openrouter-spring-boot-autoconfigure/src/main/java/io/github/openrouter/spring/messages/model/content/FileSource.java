package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A document or image uploaded earlier, referenced by file id.
 *
 * @param type the {@code type}, always {@code file}
 * @param fileId the {@code file_id} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record FileSource(@JsonProperty("type") String type,
		@JsonProperty("file_id") String fileId) implements BlockSource {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "file";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code file}
	 * @param fileId the {@code file_id} value
	 */
	public FileSource {
		type = TYPE;
		Objects.requireNonNull(fileId, "file_id");
	}

	/**
	 * Returns a file source.
	 * @param fileId the file id
	 * @return the source
	 */
	public static FileSource of(String fileId) {
		return new FileSource(TYPE, fileId);
	}

}
