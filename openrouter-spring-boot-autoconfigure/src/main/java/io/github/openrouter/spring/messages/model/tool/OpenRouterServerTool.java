package io.github.openrouter.spring.messages.model.tool;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An OpenRouter server tool ({@code openrouter:web_search}, {@code openrouter:datetime}, ...) with its free-form {@code parameters}.
 *
 * @param type the {@code type} value
 * @param parameters the {@code parameters} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record OpenRouterServerTool(@JsonProperty("type") String type,
		@JsonProperty("parameters") @Nullable JsonNode parameters) implements Tool {

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param type the {@code type} value
	 * @param parameters the {@code parameters} value, or {@code null}
	 */
	public OpenRouterServerTool {
		Objects.requireNonNull(type, "type");
	}

	/**
	 * Returns an OpenRouter server tool.
	 * @param type the tool type, e.g. {@code openrouter:web_search}
	 * @param parameters the parameters, or {@code null}
	 * @return the tool
	 */
	public static OpenRouterServerTool of(String type, @Nullable JsonNode parameters) {
		return new OpenRouterServerTool(type, parameters);
	}

	/**
	 * Returns {@code openrouter:web_search} with default parameters.
	 * @return the tool
	 */
	public static OpenRouterServerTool webSearch() {
		return of("openrouter:web_search", null);
	}

	/**
	 * Returns {@code openrouter:web_fetch} with default parameters.
	 * @return the tool
	 */
	public static OpenRouterServerTool webFetch() {
		return of("openrouter:web_fetch", null);
	}

	/**
	 * Returns {@code openrouter:datetime} with default parameters.
	 * @return the tool
	 */
	public static OpenRouterServerTool datetime() {
		return of("openrouter:datetime", null);
	}

}
