package io.github.openrouter.spring.messages.model.routing;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Stops server tools on a finish reason.
 *
 * @param type the {@code type}, always {@code finish_reason_is}
 * @param reason the {@code reason} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record FinishReasonIsCondition(@JsonProperty("type") String type,
		@JsonProperty("reason") String reason) implements StopServerToolsCondition {

	/** The wire {@code type} of this type. */
	public static final String TYPE = "finish_reason_is";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type}, always {@code finish_reason_is}
	 * @param reason the {@code reason} value
	 */
	public FinishReasonIsCondition {
		type = TYPE;
		Objects.requireNonNull(reason, "reason");
	}

}
