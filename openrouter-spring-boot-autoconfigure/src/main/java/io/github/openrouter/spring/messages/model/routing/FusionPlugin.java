package io.github.openrouter.spring.messages.model.routing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The fusion plugin: several analysis models, one answering model.
 *
 * @param id the {@code id}, always {@code fusion}
 * @param enabled the {@code enabled} value, or {@code null}
 * @param analysisModels the {@code analysis_models} value, or {@code null}
 * @param model the {@code model} value, or {@code null}
 * @param maxToolCalls the {@code max_tool_calls} value, or {@code null}
 * @param preset the {@code preset} value, or {@code null}
 * @param tools the {@code tools} value, or {@code null}
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonDeserialize(using = ValueDeserializer.None.class)
public record FusionPlugin(@JsonProperty("id") String id,
		@JsonProperty("enabled") @Nullable Boolean enabled,
		@JsonProperty("analysis_models") @Nullable List<String> analysisModels,
		@JsonProperty("model") @Nullable String model,
		@JsonProperty("max_tool_calls") @Nullable Integer maxToolCalls,
		@JsonProperty("preset") @Nullable String preset,
		@JsonProperty("tools") @Nullable List<FusionTool> tools) implements Plugin {

	/** The wire {@code id} of this type. */
	public static final String TYPE = "fusion";

	/**
	 * Creates an instance, copying lists and checking required values.
	 * @param id the {@code id}, always {@code fusion}
	 * @param enabled the {@code enabled} value, or {@code null}
	 * @param analysisModels the {@code analysis_models} value, or {@code null}
	 * @param model the {@code model} value, or {@code null}
	 * @param maxToolCalls the {@code max_tool_calls} value, or {@code null}
	 * @param preset the {@code preset} value, or {@code null}
	 * @param tools the {@code tools} value, or {@code null}
	 */
	public FusionPlugin {
		id = TYPE;
		analysisModels = (analysisModels != null) ? List.copyOf(analysisModels) : null;
		tools = (tools != null) ? List.copyOf(tools) : null;
	}

}
