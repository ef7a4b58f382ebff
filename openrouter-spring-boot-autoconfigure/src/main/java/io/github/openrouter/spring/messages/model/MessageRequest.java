package io.github.openrouter.spring.messages.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.routing.FallbackModel;
import io.github.openrouter.spring.messages.model.routing.Plugin;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.routing.StopServerToolsCondition;
import io.github.openrouter.spring.messages.model.routing.TraceConfig;
import io.github.openrouter.spring.messages.model.tool.Tool;
import io.github.openrouter.spring.messages.model.tool.ToolChoice;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/messages}: every field of the endpoint plus {@code extraBody} for fields added later.
 *
 * @param model the {@code model} value, or {@code null}
 * @param messages the {@code messages} value, or {@code null}
 * @param maxTokens the {@code max_tokens} value, or {@code null}
 * @param system the {@code system} value, or {@code null}
 * @param stream the {@code stream} value, or {@code null}
 * @param temperature the {@code temperature} value, or {@code null}
 * @param topP the {@code top_p} value, or {@code null}
 * @param topK the {@code top_k} value, or {@code null}
 * @param stopSequences the {@code stop_sequences} value, or {@code null}
 * @param metadata the {@code metadata} value, or {@code null}
 * @param tools the {@code tools} value, or {@code null}
 * @param toolChoice the {@code tool_choice} value, or {@code null}
 * @param thinking the {@code thinking} value, or {@code null}
 * @param outputConfig the {@code output_config} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @param contextManagement the {@code context_management} value, or {@code null}
 * @param serviceTier the {@code service_tier} value, or {@code null}
 * @param speed the {@code speed} value, or {@code null}
 * @param models the {@code models} value, or {@code null}
 * @param fallbacks the {@code fallbacks} value, or {@code null}
 * @param provider the {@code provider} value, or {@code null}
 * @param plugins the {@code plugins} value, or {@code null}
 * @param route the {@code route} value, or {@code null}
 * @param sessionId the {@code session_id} value, or {@code null}
 * @param user the {@code user} value, or {@code null}
 * @param trace the {@code trace} value, or {@code null}
 * @param stopServerToolsWhen the {@code stop_server_tools_when} value, or {@code null}
 * @param extraBody the {@code extra_body} value
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageRequest(@JsonProperty("model") @Nullable String model,
		@JsonProperty("messages") List<MessageParam> messages,
		@JsonProperty("max_tokens") @Nullable Integer maxTokens,
		@JsonProperty("system") @Nullable SystemPrompt system,
		@JsonProperty("stream") @Nullable Boolean stream,
		@JsonProperty("temperature") @Nullable Double temperature,
		@JsonProperty("top_p") @Nullable Double topP,
		@JsonProperty("top_k") @Nullable Integer topK,
		@JsonProperty("stop_sequences") @Nullable List<String> stopSequences,
		@JsonProperty("metadata") @Nullable RequestMetadata metadata,
		@JsonProperty("tools") @Nullable List<Tool> tools,
		@JsonProperty("tool_choice") @Nullable ToolChoice toolChoice,
		@JsonProperty("thinking") @Nullable ThinkingConfig thinking,
		@JsonProperty("output_config") @Nullable OutputConfig outputConfig,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl,
		@JsonProperty("context_management") @Nullable ContextManagement contextManagement,
		@JsonProperty("service_tier") @Nullable ServiceTier serviceTier,
		@JsonProperty("speed") @Nullable Speed speed,
		@JsonProperty("models") @Nullable List<String> models,
		@JsonProperty("fallbacks") @Nullable List<FallbackModel> fallbacks,
		@JsonProperty("provider") @Nullable ProviderPreferences provider,
		@JsonProperty("plugins") @Nullable List<Plugin> plugins,
		@JsonProperty("route") @Nullable String route,
		@JsonProperty("session_id") @Nullable String sessionId,
		@JsonProperty("user") @Nullable String user,
		@JsonProperty("trace") @Nullable TraceConfig trace,
		@JsonProperty("stop_server_tools_when") @Nullable List<StopServerToolsCondition> stopServerToolsWhen,
		@JsonAnyGetter @JsonAnySetter Map<String, @Nullable Object> extraBody) {

	/**
	 * Creates an instance from the fields described on the type, copying lists and checking that
	 * {@code extraBody} repeats none of them.
	 */
	public MessageRequest {
		stopSequences = (stopSequences != null) ? List.copyOf(stopSequences) : null;
		tools = (tools != null) ? List.copyOf(tools) : null;
		models = (models != null) ? List.copyOf(models) : null;
		fallbacks = (fallbacks != null) ? List.copyOf(fallbacks) : null;
		plugins = (plugins != null) ? List.copyOf(plugins) : null;
		stopServerToolsWhen = (stopServerToolsWhen != null) ? List.copyOf(stopServerToolsWhen) : null;
		messages = (messages != null) ? List.copyOf(messages) : List.of();
		extraBody = (extraBody != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(extraBody)) : Map.of();
		for (String name : extraBody.keySet()) {
			if (FIELD_NAMES.contains(name)) {
				throw new IllegalArgumentException(
						"extraBody must not contain '" + name + "': it is a field of MessageRequest, set it directly");
			}
		}
	}

	/** JSON names of the modelled fields; {@code extraBody} must not repeat them. */
	private static final Set<String> FIELD_NAMES = Set.of("model",
			"messages",
			"max_tokens",
			"system",
			"stream",
			"temperature",
			"top_p",
			"top_k",
			"stop_sequences",
			"metadata",
			"tools",
			"tool_choice",
			"thinking",
			"output_config",
			"cache_control",
			"context_management",
			"service_tier",
			"speed",
			"models",
			"fallbacks",
			"provider",
			"plugins",
			"route",
			"session_id",
			"user",
			"trace",
			"stop_server_tools_when");

	/**
	 * Returns a copy of this request with {@code stream} set.
	 * @param stream the new value
	 * @return the new request
	 */
	public MessageRequest withStream(@Nullable Boolean stream) {
		return toBuilder().stream(stream).build();
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
		builder.model = this.model;
		builder.messages = (this.messages != null) ? new ArrayList<>(this.messages) : null;
		builder.maxTokens = this.maxTokens;
		builder.system = this.system;
		builder.stream = this.stream;
		builder.temperature = this.temperature;
		builder.topP = this.topP;
		builder.topK = this.topK;
		builder.stopSequences = (this.stopSequences != null) ? new ArrayList<>(this.stopSequences) : null;
		builder.metadata = this.metadata;
		builder.tools = (this.tools != null) ? new ArrayList<>(this.tools) : null;
		builder.toolChoice = this.toolChoice;
		builder.thinking = this.thinking;
		builder.outputConfig = this.outputConfig;
		builder.cacheControl = this.cacheControl;
		builder.contextManagement = this.contextManagement;
		builder.serviceTier = this.serviceTier;
		builder.speed = this.speed;
		builder.models = (this.models != null) ? new ArrayList<>(this.models) : null;
		builder.fallbacks = (this.fallbacks != null) ? new ArrayList<>(this.fallbacks) : null;
		builder.provider = this.provider;
		builder.plugins = (this.plugins != null) ? new ArrayList<>(this.plugins) : null;
		builder.route = this.route;
		builder.sessionId = this.sessionId;
		builder.user = this.user;
		builder.trace = this.trace;
		builder.stopServerToolsWhen = (this.stopServerToolsWhen != null) ? new ArrayList<>(this.stopServerToolsWhen) : null;
		builder.extraBody.putAll(this.extraBody);
		return builder;
	}

	/**
	 * Builder for {@link MessageRequest}.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable List<MessageParam> messages;

		private @Nullable Integer maxTokens;

		private @Nullable SystemPrompt system;

		private @Nullable Boolean stream;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable Integer topK;

		private @Nullable List<String> stopSequences;

		private @Nullable RequestMetadata metadata;

		private @Nullable List<Tool> tools;

		private @Nullable ToolChoice toolChoice;

		private @Nullable ThinkingConfig thinking;

		private @Nullable OutputConfig outputConfig;

		private @Nullable CacheControl cacheControl;

		private @Nullable ContextManagement contextManagement;

		private @Nullable ServiceTier serviceTier;

		private @Nullable Speed speed;

		private @Nullable List<String> models;

		private @Nullable List<FallbackModel> fallbacks;

		private @Nullable ProviderPreferences provider;

		private @Nullable List<Plugin> plugins;

		private @Nullable String route;

		private @Nullable String sessionId;

		private @Nullable String user;

		private @Nullable TraceConfig trace;

		private @Nullable List<StopServerToolsCondition> stopServerToolsWhen;

		private final Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

		private Builder() {
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
		 * Sets {@code messages}.
		 * @param messages the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder messages(@Nullable List<MessageParam> messages) {
			this.messages = (messages != null) ? new ArrayList<>(messages) : null;
			return this;
		}

		/**
		 * Sets {@code max_tokens}.
		 * @param maxTokens the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets {@code system}.
		 * @param system the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder system(@Nullable SystemPrompt system) {
			this.system = system;
			return this;
		}

		/**
		 * Sets {@code stream}.
		 * @param stream the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder stream(@Nullable Boolean stream) {
			this.stream = stream;
			return this;
		}

		/**
		 * Sets {@code temperature}.
		 * @param temperature the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets {@code top_p}.
		 * @param topP the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Sets {@code top_k}.
		 * @param topK the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder topK(@Nullable Integer topK) {
			this.topK = topK;
			return this;
		}

		/**
		 * Sets {@code stop_sequences}.
		 * @param stopSequences the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder stopSequences(@Nullable List<String> stopSequences) {
			this.stopSequences = (stopSequences != null) ? new ArrayList<>(stopSequences) : null;
			return this;
		}

		/**
		 * Sets {@code metadata}.
		 * @param metadata the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder metadata(@Nullable RequestMetadata metadata) {
			this.metadata = metadata;
			return this;
		}

		/**
		 * Sets {@code tools}.
		 * @param tools the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder tools(@Nullable List<Tool> tools) {
			this.tools = (tools != null) ? new ArrayList<>(tools) : null;
			return this;
		}

		/**
		 * Sets {@code tool_choice}.
		 * @param toolChoice the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Sets {@code thinking}.
		 * @param thinking the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder thinking(@Nullable ThinkingConfig thinking) {
			this.thinking = thinking;
			return this;
		}

		/**
		 * Sets {@code output_config}.
		 * @param outputConfig the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder outputConfig(@Nullable OutputConfig outputConfig) {
			this.outputConfig = outputConfig;
			return this;
		}

		/**
		 * Sets {@code cache_control}.
		 * @param cacheControl the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder cacheControl(@Nullable CacheControl cacheControl) {
			this.cacheControl = cacheControl;
			return this;
		}

		/**
		 * Sets {@code context_management}.
		 * @param contextManagement the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder contextManagement(@Nullable ContextManagement contextManagement) {
			this.contextManagement = contextManagement;
			return this;
		}

		/**
		 * Sets {@code service_tier}.
		 * @param serviceTier the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
			return this;
		}

		/**
		 * Sets {@code speed}.
		 * @param speed the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder speed(@Nullable Speed speed) {
			this.speed = speed;
			return this;
		}

		/**
		 * Sets {@code models}.
		 * @param models the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder models(@Nullable List<String> models) {
			this.models = (models != null) ? new ArrayList<>(models) : null;
			return this;
		}

		/**
		 * Sets {@code fallbacks}.
		 * @param fallbacks the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder fallbacks(@Nullable List<FallbackModel> fallbacks) {
			this.fallbacks = (fallbacks != null) ? new ArrayList<>(fallbacks) : null;
			return this;
		}

		/**
		 * Sets {@code provider}.
		 * @param provider the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder provider(@Nullable ProviderPreferences provider) {
			this.provider = provider;
			return this;
		}

		/**
		 * Sets {@code plugins}.
		 * @param plugins the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder plugins(@Nullable List<Plugin> plugins) {
			this.plugins = (plugins != null) ? new ArrayList<>(plugins) : null;
			return this;
		}

		/**
		 * Sets {@code route}.
		 * @param route the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder route(@Nullable String route) {
			this.route = route;
			return this;
		}

		/**
		 * Sets {@code session_id}.
		 * @param sessionId the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder sessionId(@Nullable String sessionId) {
			this.sessionId = sessionId;
			return this;
		}

		/**
		 * Sets {@code user}.
		 * @param user the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder user(@Nullable String user) {
			this.user = user;
			return this;
		}

		/**
		 * Sets {@code trace}.
		 * @param trace the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder trace(@Nullable TraceConfig trace) {
			this.trace = trace;
			return this;
		}

		/**
		 * Sets {@code stop_server_tools_when}.
		 * @param stopServerToolsWhen the value, or {@code null} to leave it out
		 * @return this builder
		 */
		public Builder stopServerToolsWhen(@Nullable List<StopServerToolsCondition> stopServerToolsWhen) {
			this.stopServerToolsWhen = (stopServerToolsWhen != null) ? new ArrayList<>(stopServerToolsWhen) : null;
			return this;
		}

		/**
		 * Appends a message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder addMessage(MessageParam message) {
			if (this.messages == null) {
				this.messages = new ArrayList<>();
			}
			this.messages.add(message);
			return this;
		}

		/**
		 * Appends a user message with text content.
		 * @param text the text
		 * @return this builder
		 */
		public Builder addUserMessage(String text) {
			return addMessage(MessageParam.user(text));
		}

		/**
		 * Appends a user message made of blocks.
		 * @param blocks the blocks
		 * @return this builder
		 */
		public Builder addUserMessage(ContentBlock... blocks) {
			return addMessage(MessageParam.user(blocks));
		}

		/**
		 * Appends an assistant message with text content.
		 * @param text the text
		 * @return this builder
		 */
		public Builder addAssistantMessage(String text) {
			return addMessage(MessageParam.assistant(text));
		}

		/**
		 * Appends an assistant message made of blocks, e.g. the content of an earlier response.
		 * @param blocks the blocks
		 * @return this builder
		 */
		public Builder addAssistantMessage(List<ContentBlock> blocks) {
			return addMessage(MessageParam.assistant(blocks));
		}

		/**
		 * Appends an earlier response as an assistant message, replaying its blocks unchanged.
		 * @param response the response
		 * @return this builder
		 */
		public Builder addAssistantMessage(MessageResponse response) {
			return addMessage(response.toMessageParam());
		}

		/**
		 * Sets a plain-string system prompt.
		 * @param text the system prompt
		 * @return this builder
		 */
		public Builder system(String text) {
			this.system = SystemPrompt.of(text);
			return this;
		}

		/**
		 * Sets a system prompt made of text blocks (e.g. with cache breakpoints).
		 * @param blocks the blocks
		 * @return this builder
		 */
		public Builder system(List<TextBlock> blocks) {
			this.system = SystemPrompt.of(blocks);
			return this;
		}

		/**
		 * Appends a tool.
		 * @param tool the tool
		 * @return this builder
		 */
		public Builder addTool(Tool tool) {
			if (this.tools == null) {
				this.tools = new ArrayList<>();
			}
			this.tools.add(tool);
			return this;
		}

		/**
		 * Appends a plugin.
		 * @param plugin the plugin
		 * @return this builder
		 */
		public Builder addPlugin(Plugin plugin) {
			if (this.plugins == null) {
				this.plugins = new ArrayList<>();
			}
			this.plugins.add(plugin);
			return this;
		}

		/**
		 * Sets the OpenRouter fallback models.
		 * @param models the model slugs, tried in order
		 * @return this builder
		 */
		public Builder models(String... models) {
			this.models = new ArrayList<>(Arrays.asList(models));
			return this;
		}

		/**
		 * Appends an Anthropic-style fallback model (at most 3; not together with {@code models}).
		 * @param model the model slug
		 * @return this builder
		 */
		public Builder addFallback(String model) {
			if (this.fallbacks == null) {
				this.fallbacks = new ArrayList<>();
			}
			this.fallbacks.add(new FallbackModel(model));
			return this;
		}

		/**
		 * Appends a stop sequence.
		 * @param stopSequence the stop sequence
		 * @return this builder
		 */
		public Builder addStopSequence(String stopSequence) {
			if (this.stopSequences == null) {
				this.stopSequences = new ArrayList<>();
			}
			this.stopSequences.add(stopSequence);
			return this;
		}

		/**
		 * Appends a condition that stops server tools.
		 * @param condition the condition
		 * @return this builder
		 */
		public Builder addStopServerToolsWhen(StopServerToolsCondition condition) {
			if (this.stopServerToolsWhen == null) {
				this.stopServerToolsWhen = new ArrayList<>();
			}
			this.stopServerToolsWhen.add(condition);
			return this;
		}

		/**
		 * Adds a top-level field this version does not model; it is sent as written.
		 * @param name the JSON field name
		 * @param value the value, serialized with the client's JSON mapper
		 * @return this builder
		 */
		public Builder putExtraBody(String name, @Nullable Object value) {
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Replaces all extra top-level fields.
		 * @param extraBody the fields
		 * @return this builder
		 */
		public Builder extraBody(Map<String, ? extends @Nullable Object> extraBody) {
			this.extraBody.clear();
			this.extraBody.putAll(extraBody);
			return this;
		}

		/**
		 * Builds the instance.
		 * @return the new instance
		 */
		public MessageRequest build() {
			return new MessageRequest(this.model, this.messages, this.maxTokens, this.system, this.stream, this.temperature, this.topP, this.topK, this.stopSequences, this.metadata, this.tools, this.toolChoice, this.thinking, this.outputConfig, this.cacheControl, this.contextManagement, this.serviceTier, this.speed, this.models, this.fallbacks, this.provider, this.plugins, this.route, this.sessionId, this.user, this.trace, this.stopServerToolsWhen, this.extraBody);
		}

	}

}
