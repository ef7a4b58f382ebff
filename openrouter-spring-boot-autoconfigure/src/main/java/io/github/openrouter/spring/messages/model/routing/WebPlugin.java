package io.github.openrouter.spring.messages.model.routing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openrouter.spring.messages.model.tool.UserLocation;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The web search plugin.
 *
 * @param id the {@code id}, always {@code web}
 * @param enabled the {@code enabled} value, or {@code null}
 * @param engine the {@code engine} value, or {@code null}
 * @param maxResults the {@code max_results} value, or {@code null}
 * @param maxUses the {@code max_uses} value, or {@code null}
 * @param searchPrompt the {@code search_prompt} value, or {@code null}
 * @param includeDomains the {@code include_domains} value, or {@code null}
 * @param excludeDomains the {@code exclude_domains} value, or {@code null}
 * @param mode the {@code mode} value, or {@code null}
 * @param userLocation the {@code user_location} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record WebPlugin(@JsonProperty("id") String id,
		@JsonProperty("enabled") @Nullable Boolean enabled,
		@JsonProperty("engine") @Nullable String engine,
		@JsonProperty("max_results") @Nullable Integer maxResults,
		@JsonProperty("max_uses") @Nullable Integer maxUses,
		@JsonProperty("search_prompt") @Nullable String searchPrompt,
		@JsonProperty("include_domains") @Nullable List<String> includeDomains,
		@JsonProperty("exclude_domains") @Nullable List<String> excludeDomains,
		@JsonProperty("mode") @Nullable String mode,
		@JsonProperty("user_location") @Nullable UserLocation userLocation) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "web";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code web}
	 * @param enabled the {@code enabled} value, or {@code null}
	 * @param engine the {@code engine} value, or {@code null}
	 * @param maxResults the {@code max_results} value, or {@code null}
	 * @param maxUses the {@code max_uses} value, or {@code null}
	 * @param searchPrompt the {@code search_prompt} value, or {@code null}
	 * @param includeDomains the {@code include_domains} value, or {@code null}
	 * @param excludeDomains the {@code exclude_domains} value, or {@code null}
	 * @param mode the {@code mode} value, or {@code null}
	 * @param userLocation the {@code user_location} value, or {@code null}
	 */
	public WebPlugin {
		id = TYPE;
		includeDomains = (includeDomains != null) ? List.copyOf(includeDomains) : null;
		excludeDomains = (excludeDomains != null) ? List.copyOf(excludeDomains) : null;
	}

	/**
	 * Returns the web plugin with default settings.
	 * @return the plugin
	 */
	public static WebPlugin of() {
		return new WebPlugin(TYPE, null, null, null, null, null, null, null, null, null);
	}

}
