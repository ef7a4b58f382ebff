package io.github.openrouter.spring.account;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What OpenRouter recorded about one call, as {@code GET /api/v1/generation} returns it: the exact
 * cost, the token counts as the provider billed them, every provider attempt and the timings.
 * Amounts are in US dollars, times in milliseconds.
 *
 * @param id the generation id (the response {@code id} or its {@code X-Generation-Id} header)
 * @param upstreamId the id the provider gave the call, or {@code null}
 * @param requestId the id of the HTTP request, or {@code null}
 * @param createdAt when the generation was created
 * @param model the model that served the call
 * @param providerName the provider that served the call, or {@code null}
 * @param router the router that chose the model (for example {@code openrouter/auto}), or {@code null}
 * @param providerResponses every attempt at a provider, in order, or {@code null}
 * @param totalCost the total cost in USD
 * @param usage the credits charged in USD
 * @param cacheDiscount the discount from prompt caching in USD, or {@code null}
 * @param upstreamInferenceCost what the provider charged in USD (BYOK), or {@code null}
 * @param byok whether the user's own provider key (BYOK) was used
 * @param tokensPrompt prompt tokens as OpenRouter normalizes them, or {@code null}
 * @param tokensCompletion completion tokens as OpenRouter normalizes them, or {@code null}
 * @param nativeTokensPrompt prompt tokens as the provider counts them (billed), or {@code null}
 * @param nativeTokensCompletion completion tokens as the provider counts them (billed), or {@code null}
 * @param nativeTokensCompletionImages image tokens of the completion, or {@code null}
 * @param nativeTokensReasoning reasoning tokens, or {@code null}
 * @param nativeTokensCached prompt tokens read from the cache, or {@code null}
 * @param numMediaPrompt media items in the prompt, or {@code null}
 * @param numInputAudioPrompt audio inputs in the prompt, or {@code null}
 * @param numMediaCompletion media items in the completion, or {@code null}
 * @param numSearchResults web search results used, or {@code null}
 * @param numFetches web fetches made, or {@code null}
 * @param webSearchEngine the web search engine used, or {@code null}
 * @param latency the time to the first token in milliseconds, or {@code null}
 * @param generationTime the generation time in milliseconds, or {@code null}
 * @param moderationLatency the moderation time in milliseconds, or {@code null}
 * @param finishReason the normalized finish reason, or {@code null}
 * @param nativeFinishReason the provider's own finish reason, or {@code null}
 * @param streamed whether the answer was streamed, or {@code null}
 * @param cancelled whether the call was cancelled, or {@code null}
 * @param serviceTier the service tier applied, or {@code null}
 * @param apiType the kind of call (for example {@code completions}), or {@code null}
 * @param origin the origin of the request
 * @param httpReferer the {@code HTTP-Referer} the call was sent with, or {@code null}
 * @param userAgent the user agent of the call, or {@code null}
 * @param appId the id of the calling app, or {@code null}
 * @param externalUser the end-user id the call was sent with, or {@code null}
 * @param sessionId the session id the call was sent with, or {@code null}
 * @param presetId the preset used, or {@code null}
 * @param responseCacheSourceId the generation a cached response came from, or {@code null}
 * @param dataRegion the data region (for example {@code global} or {@code europe})
 * @param workspaceId the workspace of the key, or {@code null}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Generation(@JsonProperty("id") String id,
		@JsonProperty("upstream_id") @Nullable String upstreamId,
		@JsonProperty("request_id") @Nullable String requestId,
		@JsonProperty("created_at") OffsetDateTime createdAt,
		@JsonProperty("model") String model,
		@JsonProperty("provider_name") @Nullable String providerName,
		@JsonProperty("router") @Nullable String router,
		@JsonProperty("provider_responses") @Nullable List<ProviderResponse> providerResponses,
		@JsonProperty("total_cost") BigDecimal totalCost,
		@JsonProperty("usage") BigDecimal usage,
		@JsonProperty("cache_discount") @Nullable BigDecimal cacheDiscount,
		@JsonProperty("upstream_inference_cost") @Nullable BigDecimal upstreamInferenceCost,
		@JsonProperty("is_byok") boolean byok,
		@JsonProperty("tokens_prompt") @Nullable Long tokensPrompt,
		@JsonProperty("tokens_completion") @Nullable Long tokensCompletion,
		@JsonProperty("native_tokens_prompt") @Nullable Long nativeTokensPrompt,
		@JsonProperty("native_tokens_completion") @Nullable Long nativeTokensCompletion,
		@JsonProperty("native_tokens_completion_images") @Nullable Long nativeTokensCompletionImages,
		@JsonProperty("native_tokens_reasoning") @Nullable Long nativeTokensReasoning,
		@JsonProperty("native_tokens_cached") @Nullable Long nativeTokensCached,
		@JsonProperty("num_media_prompt") @Nullable Long numMediaPrompt,
		@JsonProperty("num_input_audio_prompt") @Nullable Long numInputAudioPrompt,
		@JsonProperty("num_media_completion") @Nullable Long numMediaCompletion,
		@JsonProperty("num_search_results") @Nullable Long numSearchResults,
		@JsonProperty("num_fetches") @Nullable Long numFetches,
		@JsonProperty("web_search_engine") @Nullable String webSearchEngine,
		@JsonProperty("latency") @Nullable Double latency,
		@JsonProperty("generation_time") @Nullable Double generationTime,
		@JsonProperty("moderation_latency") @Nullable Double moderationLatency,
		@JsonProperty("finish_reason") @Nullable String finishReason,
		@JsonProperty("native_finish_reason") @Nullable String nativeFinishReason,
		@JsonProperty("streamed") @Nullable Boolean streamed,
		@JsonProperty("cancelled") @Nullable Boolean cancelled,
		@JsonProperty("service_tier") @Nullable String serviceTier,
		@JsonProperty("api_type") @Nullable String apiType,
		@JsonProperty("origin") String origin,
		@JsonProperty("http_referer") @Nullable String httpReferer,
		@JsonProperty("user_agent") @Nullable String userAgent,
		@JsonProperty("app_id") @Nullable Long appId,
		@JsonProperty("external_user") @Nullable String externalUser,
		@JsonProperty("session_id") @Nullable String sessionId,
		@JsonProperty("preset_id") @Nullable String presetId,
		@JsonProperty("response_cache_source_id") @Nullable String responseCacheSourceId,
		@JsonProperty("data_region") String dataRegion,
		@JsonProperty("workspace_id") @Nullable String workspaceId) {

	/**
	 * Creates an instance, copying the attempts and checking the values the API always sends.
	 * @param id the generation id (the response {@code id} or its {@code X-Generation-Id} header)
	 * @param upstreamId the id the provider gave the call, or {@code null}
	 * @param requestId the id of the HTTP request, or {@code null}
	 * @param createdAt when the generation was created
	 * @param model the model that served the call
	 * @param providerName the provider that served the call, or {@code null}
	 * @param router the router that chose the model (for example {@code openrouter/auto}), or {@code null}
	 * @param providerResponses every attempt at a provider, in order, or {@code null}
	 * @param totalCost the total cost in USD
	 * @param usage the credits charged in USD
	 * @param cacheDiscount the discount from prompt caching in USD, or {@code null}
	 * @param upstreamInferenceCost what the provider charged in USD (BYOK), or {@code null}
	 * @param byok whether the user's own provider key (BYOK) was used
	 * @param tokensPrompt prompt tokens as OpenRouter normalizes them, or {@code null}
	 * @param tokensCompletion completion tokens as OpenRouter normalizes them, or {@code null}
	 * @param nativeTokensPrompt prompt tokens as the provider counts them (billed), or {@code null}
	 * @param nativeTokensCompletion completion tokens as the provider counts them (billed), or {@code null}
	 * @param nativeTokensCompletionImages image tokens of the completion, or {@code null}
	 * @param nativeTokensReasoning reasoning tokens, or {@code null}
	 * @param nativeTokensCached prompt tokens read from the cache, or {@code null}
	 * @param numMediaPrompt media items in the prompt, or {@code null}
	 * @param numInputAudioPrompt audio inputs in the prompt, or {@code null}
	 * @param numMediaCompletion media items in the completion, or {@code null}
	 * @param numSearchResults web search results used, or {@code null}
	 * @param numFetches web fetches made, or {@code null}
	 * @param webSearchEngine the web search engine used, or {@code null}
	 * @param latency the time to the first token in milliseconds, or {@code null}
	 * @param generationTime the generation time in milliseconds, or {@code null}
	 * @param moderationLatency the moderation time in milliseconds, or {@code null}
	 * @param finishReason the normalized finish reason, or {@code null}
	 * @param nativeFinishReason the provider's own finish reason, or {@code null}
	 * @param streamed whether the answer was streamed, or {@code null}
	 * @param cancelled whether the call was cancelled, or {@code null}
	 * @param serviceTier the service tier applied, or {@code null}
	 * @param apiType the kind of call (for example {@code completions}), or {@code null}
	 * @param origin the origin of the request
	 * @param httpReferer the {@code HTTP-Referer} the call was sent with, or {@code null}
	 * @param userAgent the user agent of the call, or {@code null}
	 * @param appId the id of the calling app, or {@code null}
	 * @param externalUser the end-user id the call was sent with, or {@code null}
	 * @param sessionId the session id the call was sent with, or {@code null}
	 * @param presetId the preset used, or {@code null}
	 * @param responseCacheSourceId the generation a cached response came from, or {@code null}
	 * @param dataRegion the data region (for example {@code global} or {@code europe})
	 * @param workspaceId the workspace of the key, or {@code null}
	 * @throws IllegalArgumentException if a value the API always sends is missing
	 */
	public Generation {
		Fields.require(id, "id");
		Fields.require(createdAt, "created_at");
		Fields.require(model, "model");
		Fields.require(totalCost, "total_cost");
		Fields.require(usage, "usage");
		Fields.require(origin, "origin");
		Fields.require(dataRegion, "data_region");
		providerResponses = (providerResponses != null) ? List.copyOf(providerResponses) : null;
	}

}
