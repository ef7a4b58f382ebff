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
 * A file uploaded into the code-execution container.
 *
 * @param type the {@code type}, always {@code container_upload}
 * @param fileId the {@code file_id} value
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record ContainerUploadBlock(@JsonProperty("type") String type,
		@JsonProperty("file_id") String fileId,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) implements ContentBlock {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "container_upload";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code container_upload}
	 * @param fileId the {@code file_id} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public ContainerUploadBlock {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = TYPE;
		Objects.requireNonNull(fileId, "file_id");
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param type the {@code type}, always {@code container_upload}
	 * @param fileId the {@code file_id} value
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public ContainerUploadBlock(String type, String fileId, @Nullable CacheControl cacheControl) {
		this(type, fileId, cacheControl, Map.of());
	}

}
