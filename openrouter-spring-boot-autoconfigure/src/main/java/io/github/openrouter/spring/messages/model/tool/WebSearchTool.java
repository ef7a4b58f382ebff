package io.github.openrouter.spring.messages.model.tool;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.CacheControl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Anthropic's web search server tool ({@code web_search_20250305} or {@code web_search_20260209}).
 *
 * @param type the {@code type} value
 * @param name the {@code name} value
 * @param allowedDomains the {@code allowed_domains} value, or {@code null}
 * @param blockedDomains the {@code blocked_domains} value, or {@code null}
 * @param maxUses the {@code max_uses} value, or {@code null}
 * @param userLocation the {@code user_location} value, or {@code null}
 * @param allowedCallers the {@code allowed_callers} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record WebSearchTool(@JsonProperty("type") String type,
		@JsonProperty("name") String name,
		@JsonProperty("allowed_domains") @Nullable List<String> allowedDomains,
		@JsonProperty("blocked_domains") @Nullable List<String> blockedDomains,
		@JsonProperty("max_uses") @Nullable Integer maxUses,
		@JsonProperty("user_location") @Nullable UserLocation userLocation,
		@JsonProperty("allowed_callers") @Nullable List<String> allowedCallers,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements Tool {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param name the {@code name} value
	 * @param allowedDomains the {@code allowed_domains} value, or {@code null}
	 * @param blockedDomains the {@code blocked_domains} value, or {@code null}
	 * @param maxUses the {@code max_uses} value, or {@code null}
	 * @param userLocation the {@code user_location} value, or {@code null}
	 * @param allowedCallers the {@code allowed_callers} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public WebSearchTool {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
		allowedDomains = (allowedDomains != null) ? List.copyOf(allowedDomains) : null;
		blockedDomains = (blockedDomains != null) ? List.copyOf(blockedDomains) : null;
		allowedCallers = (allowedCallers != null) ? List.copyOf(allowedCallers) : null;
	}

	/** Type of the 2025-03-05 version. */
	public static final String TYPE_20250305 = "web_search_20250305";

	/** Type of the 2026-02-09 version. */
	public static final String TYPE_20260209 = "web_search_20260209";

	/**
	 * Returns the 2025-03-05 web search tool with a use limit.
	 * @param maxUses the most searches per request, or {@code null}
	 * @return the tool
	 */
	public static WebSearchTool of(@Nullable Integer maxUses) {
		return new WebSearchTool(TYPE_20250305, "web_search", null, null, maxUses, null, null, null);
	}

}
