package io.github.openrouter.spring.messages.client;

import java.util.List;

import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Client-level defaults merged into request bodies that omit them; values in the request win.
 */
final class RequestDefaults {

	private final @Nullable String model;

	private final List<String> fallbackModels;

	private final @Nullable JsonNode provider;

	RequestDefaults(JsonMapper mapper, @Nullable String model, List<String> fallbackModels,
			@Nullable ProviderPreferences providerPreferences) {
		this.model = (model != null && !model.isBlank()) ? model : null;
		this.fallbackModels = List.copyOf(fallbackModels);
		this.provider = (providerPreferences != null) ? mapper.valueToTree(providerPreferences) : null;
	}

	/**
	 * Fills in {@code model}, {@code models} (only if the body has neither {@code models} nor
	 * {@code fallbacks}) and {@code provider} where the body has no value.
	 * @param body the request body, changed in place
	 */
	void applyTo(ObjectNode body) {
		if (this.model != null && isAbsent(body, "model")) {
			body.put("model", this.model);
		}
		if (!this.fallbackModels.isEmpty() && isAbsent(body, "models") && isAbsent(body, "fallbacks")) {
			ArrayNode models = body.putArray("models");
			this.fallbackModels.forEach(models::add);
		}
		if (this.provider != null && isAbsent(body, "provider")) {
			body.set("provider", this.provider.deepCopy());
		}
	}

	private static boolean isAbsent(ObjectNode body, String name) {
		JsonNode value = body.get(name);
		return value == null || value.isNull() || value.isMissingNode();
	}

}
