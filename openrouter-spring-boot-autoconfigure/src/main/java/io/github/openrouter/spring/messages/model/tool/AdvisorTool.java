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
 * Anthropic's advisor server tool ({@code advisor_20260301}).
 *
 * @param type the {@code type} value
 * @param name the {@code name} value
 * @param model the {@code model} value
 * @param maxUses the {@code max_uses} value, or {@code null}
 * @param caching the {@code caching} value, or {@code null}
 * @param allowedCallers the {@code allowed_callers} value, or {@code null}
 * @param deferLoading the {@code defer_loading} value, or {@code null}
 * @param cacheControl the {@code cache_control} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record AdvisorTool(@JsonProperty("type") String type,
		@JsonProperty("name") String name,
		@JsonProperty("model") String model,
		@JsonProperty("max_uses") @Nullable Integer maxUses,
		@JsonProperty("caching") @Nullable CacheControl caching,
		@JsonProperty("allowed_callers") @Nullable List<String> allowedCallers,
		@JsonProperty("defer_loading") @Nullable Boolean deferLoading,
		@JsonProperty("cache_control") @Nullable CacheControl cacheControl) implements Tool {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param name the {@code name} value
	 * @param model the {@code model} value
	 * @param maxUses the {@code max_uses} value, or {@code null}
	 * @param caching the {@code caching} value, or {@code null}
	 * @param allowedCallers the {@code allowed_callers} value, or {@code null}
	 * @param deferLoading the {@code defer_loading} value, or {@code null}
	 * @param cacheControl the {@code cache_control} value, or {@code null}
	 */
	public AdvisorTool {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(model, "model");
		allowedCallers = (allowedCallers != null) ? List.copyOf(allowedCallers) : null;
	}

	/**
	 * Returns the {@code advisor_20260301} tool.
	 * @param model the advisor model
	 * @return the tool
	 */
	public static AdvisorTool of(String model) {
		return new AdvisorTool("advisor_20260301", "advisor", model, null, null, null, null, null);
	}

}
