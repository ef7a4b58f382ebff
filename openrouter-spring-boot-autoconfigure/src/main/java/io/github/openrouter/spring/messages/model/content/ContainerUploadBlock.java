package io.github.openrouter.spring.messages.model.content;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A file uploaded into the code-execution container.
 *
 * @param type the {@code type}, always {@code container_upload}
 * @param fileId the {@code file_id} value
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContainerUploadBlock(@JsonProperty("type") String type,
		@JsonProperty("file_id") String fileId,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "container_upload";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code container_upload}
	 * @param fileId the {@code file_id} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public ContainerUploadBlock {
		type = TYPE;
		Objects.requireNonNull(fileId, "file_id");
	}

}
