package io.github.openrouter.spring.messages.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A complete assistant message: the non-streaming response, or the result of accumulating a stream.
 *
 * @param id the {@code id} value, or {@code null}
 * @param type the {@code type} value, or {@code null}
 * @param role the {@code role} value, or {@code null}
 * @param model the {@code model} value, or {@code null}
 * @param content the {@code content} value, or {@code null}
 * @param stopReason the {@code stop_reason} value, or {@code null}
 * @param stopSequence the {@code stop_sequence} value, or {@code null}
 * @param stopDetails the {@code stop_details} value, or {@code null}
 * @param container the {@code container} value, or {@code null}
 * @param contextManagement the {@code context_management} value, or {@code null}
 * @param usage the {@code usage} value, or {@code null}
 * @param provider the {@code provider} value, or {@code null}
 * @param openrouterMetadata the {@code openrouter_metadata} value, or {@code null}
 * @param generationId the {@code generation_id} value, or {@code null}
 * @param additionalProperties fields this version does not know, kept as JSON and written back
 * unchanged; empty when there are none
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageResponse(@JsonProperty("id") @Nullable String id,
		@JsonProperty("type") String type,
		@JsonProperty("role") Role role,
		@JsonProperty("model") @Nullable String model,
		@JsonProperty("content") List<ContentBlock> content,
		@JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable StopReason stopReason,
		@JsonProperty("stop_sequence") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String stopSequence,
		@JsonProperty("stop_details") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable StopDetails stopDetails,
		@JsonProperty("container") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Container container,
		@JsonProperty("context_management") @Nullable AppliedContextManagement contextManagement,
		@JsonProperty("usage") @Nullable Usage usage,
		@JsonProperty("provider") @Nullable String provider,
		@JsonProperty("openrouter_metadata") @Nullable OpenRouterMetadata openrouterMetadata,
		@JsonIgnore @Nullable String generationId,
		@JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalProperties) {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id} value, or {@code null}
	 * @param type the {@code type} value, or {@code null}
	 * @param role the {@code role} value, or {@code null}
	 * @param model the {@code model} value, or {@code null}
	 * @param content the {@code content} value, or {@code null}
	 * @param stopReason the {@code stop_reason} value, or {@code null}
	 * @param stopSequence the {@code stop_sequence} value, or {@code null}
	 * @param stopDetails the {@code stop_details} value, or {@code null}
	 * @param container the {@code container} value, or {@code null}
	 * @param contextManagement the {@code context_management} value, or {@code null}
	 * @param usage the {@code usage} value, or {@code null}
	 * @param provider the {@code provider} value, or {@code null}
	 * @param openrouterMetadata the {@code openrouter_metadata} value, or {@code null}
	 * @param generationId the {@code generation_id} value, or {@code null}
	 * @param additionalProperties fields this version does not know, kept as JSON and written back
	 * unchanged; empty when there are none
	 */
	public MessageResponse {
		additionalProperties = (additionalProperties == null || additionalProperties.isEmpty()) ? Map.of()
				: Map.copyOf(additionalProperties);
		type = (type != null) ? type : "message";
		role = (role != null) ? role : Role.ASSISTANT;
		content = (content != null) ? List.copyOf(content) : List.of();
	}

	/**
	 * Creates an instance without fields this version does not know.
	 * @param id the {@code id} value, or {@code null}
	 * @param type the {@code type} value, or {@code null}
	 * @param role the {@code role} value, or {@code null}
	 * @param model the {@code model} value, or {@code null}
	 * @param content the {@code content} value, or {@code null}
	 * @param stopReason the {@code stop_reason} value, or {@code null}
	 * @param stopSequence the {@code stop_sequence} value, or {@code null}
	 * @param stopDetails the {@code stop_details} value, or {@code null}
	 * @param container the {@code container} value, or {@code null}
	 * @param contextManagement the {@code context_management} value, or {@code null}
	 * @param usage the {@code usage} value, or {@code null}
	 * @param provider the {@code provider} value, or {@code null}
	 * @param openrouterMetadata the {@code openrouter_metadata} value, or {@code null}
	 * @param generationId the {@code generation_id} value, or {@code null}
	 */
	public MessageResponse(@Nullable String id, String type, Role role, @Nullable String model, List<ContentBlock> content, @Nullable StopReason stopReason, @Nullable String stopSequence, @Nullable StopDetails stopDetails, @Nullable Container container, @Nullable AppliedContextManagement contextManagement, @Nullable Usage usage, @Nullable String provider, @Nullable OpenRouterMetadata openrouterMetadata, @Nullable String generationId) {
		this(id, type, role, model, content, stopReason, stopSequence, stopDetails, container, contextManagement, usage, provider, openrouterMetadata, generationId, Map.of());
	}

	/**
	 * Returns the text of all text blocks, concatenated in order.
	 * @return the text, empty when there is none
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (ContentBlock block : this.content) {
			if (block instanceof TextBlock textBlock) {
				text.append(textBlock.text());
			}
		}
		return text.toString();
	}

	/**
	 * Returns this response as an assistant message whose blocks replay unchanged in a next request.
	 * @return the message
	 */
	public MessageParam toMessageParam() {
		return MessageParam.assistant(this.content);
	}

	/**
	 * Returns a copy of this response carrying the {@code X-Generation-Id} response header.
	 * @param generationId the generation id, or {@code null}
	 * @return the new response
	 */
	public MessageResponse withGenerationId(@Nullable String generationId) {
		return new MessageResponse(this.id, this.type, this.role, this.model, this.content, this.stopReason, this.stopSequence,
				this.stopDetails, this.container, this.contextManagement, this.usage, this.provider, this.openrouterMetadata,
				generationId, this.additionalProperties);
	}

	/**
	 * Returns an empty builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a builder initialised with the values of this instance.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.id = this.id;
		builder.type = this.type;
		builder.role = this.role;
		builder.model = this.model;
		builder.content = (this.content != null) ? new ArrayList<>(this.content) : null;
		builder.stopReason = this.stopReason;
		builder.stopSequence = this.stopSequence;
		builder.stopDetails = this.stopDetails;
		builder.container = this.container;
		builder.contextManagement = this.contextManagement;
		builder.usage = this.usage;
		builder.provider = this.provider;
		builder.openrouterMetadata = this.openrouterMetadata;
		builder.generationId = this.generationId;
		builder.additionalProperties = this.additionalProperties;
		return builder;
	}

	/**
	 * Builder for {@link MessageResponse}.
	 */
	public static final class Builder {

		private @Nullable String id;

		private @Nullable String type;

		private @Nullable Role role;

		private @Nullable String model;

		private @Nullable List<ContentBlock> content;

		private @Nullable StopReason stopReason;

		private @Nullable String stopSequence;

		private @Nullable StopDetails stopDetails;

		private @Nullable Container container;

		private @Nullable AppliedContextManagement contextManagement;

		private @Nullable Usage usage;

		private @Nullable String provider;

		private @Nullable OpenRouterMetadata openrouterMetadata;

		private @Nullable String generationId;

		private Map<String, JsonNode> additionalProperties = Map.of();

		private Builder() {
		}

		/**
		 * Sets {@code id}.
		 * @param id the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder id(@Nullable String id) {
			this.id = id;
			return this;
		}

		/**
		 * Sets {@code type}.
		 * @param type the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder type(@Nullable String type) {
			this.type = type;
			return this;
		}

		/**
		 * Sets {@code role}.
		 * @param role the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder role(@Nullable Role role) {
			this.role = role;
			return this;
		}

		/**
		 * Sets {@code model}.
		 * @param model the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets {@code content}.
		 * @param content the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder content(@Nullable List<ContentBlock> content) {
			this.content = (content != null) ? new ArrayList<>(content) : null;
			return this;
		}

		/**
		 * Sets {@code stop_reason}.
		 * @param stopReason the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder stopReason(@Nullable StopReason stopReason) {
			this.stopReason = stopReason;
			return this;
		}

		/**
		 * Sets {@code stop_sequence}.
		 * @param stopSequence the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder stopSequence(@Nullable String stopSequence) {
			this.stopSequence = stopSequence;
			return this;
		}

		/**
		 * Sets {@code stop_details}.
		 * @param stopDetails the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder stopDetails(@Nullable StopDetails stopDetails) {
			this.stopDetails = stopDetails;
			return this;
		}

		/**
		 * Sets {@code container}.
		 * @param container the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder container(@Nullable Container container) {
			this.container = container;
			return this;
		}

		/**
		 * Sets {@code context_management}.
		 * @param contextManagement the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder contextManagement(@Nullable AppliedContextManagement contextManagement) {
			this.contextManagement = contextManagement;
			return this;
		}

		/**
		 * Sets {@code usage}.
		 * @param usage the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder usage(@Nullable Usage usage) {
			this.usage = usage;
			return this;
		}

		/**
		 * Sets {@code provider}.
		 * @param provider the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder provider(@Nullable String provider) {
			this.provider = provider;
			return this;
		}

		/**
		 * Sets {@code openrouter_metadata}.
		 * @param openrouterMetadata the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder openrouterMetadata(@Nullable OpenRouterMetadata openrouterMetadata) {
			this.openrouterMetadata = openrouterMetadata;
			return this;
		}

		/**
		 * Sets {@code generation_id}.
		 * @param generationId the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder generationId(@Nullable String generationId) {
			this.generationId = generationId;
			return this;
		}

		/**
		 * Sets the fields this version does not know, written as they are.
		 * @param additionalProperties the fields, by JSON name
		 * @return this builder
		 */
		public Builder additionalProperties(Map<String, JsonNode> additionalProperties) {
			this.additionalProperties = additionalProperties;
			return this;
		}

		/**
		 * Builds the instance.
		 * @return the new instance
		 */
		public MessageResponse build() {
			return new MessageResponse(this.id, this.type, this.role, this.model, this.content, this.stopReason, this.stopSequence, this.stopDetails, this.container, this.contextManagement, this.usage, this.provider, this.openrouterMetadata, this.generationId, this.additionalProperties);
		}

	}

}
