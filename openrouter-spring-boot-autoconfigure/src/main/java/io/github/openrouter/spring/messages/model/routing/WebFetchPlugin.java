package io.github.openrouter.spring.messages.model.routing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The web fetch plugin.
 *
 * @param id the {@code id}, always {@code web-fetch}
 * @param maxUses the {@code max_uses} value, or {@code null}
 * @param maxContentTokens the {@code max_content_tokens} value, or {@code null}
 * @param allowedDomains the {@code allowed_domains} value, or {@code null}
 * @param blockedDomains the {@code blocked_domains} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record WebFetchPlugin(@JsonProperty("id") String id,
		@JsonProperty("max_uses") @Nullable Integer maxUses,
		@JsonProperty("max_content_tokens") @Nullable Integer maxContentTokens,
		@JsonProperty("allowed_domains") @Nullable List<String> allowedDomains,
		@JsonProperty("blocked_domains") @Nullable List<String> blockedDomains) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "web-fetch";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code web-fetch}
	 * @param maxUses the {@code max_uses} value, or {@code null}
	 * @param maxContentTokens the {@code max_content_tokens} value, or {@code null}
	 * @param allowedDomains the {@code allowed_domains} value, or {@code null}
	 * @param blockedDomains the {@code blocked_domains} value, or {@code null}
	 */
	public WebFetchPlugin {
		id = TYPE;
		allowedDomains = (allowedDomains != null) ? List.copyOf(allowedDomains) : null;
		blockedDomains = (blockedDomains != null) ? List.copyOf(blockedDomains) : null;
	}

}
