package io.github.openrouter.spring.messages.model.routing;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A plugin whose {@code id} this version does not know; keeps the raw JSON and writes it back unchanged.
 *
 * @param json the raw JSON
 * @since 0.1.0
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record UnknownPlugin(@JsonValue JsonNode json) implements Plugin {

	/**
	 * Creates an instance around raw JSON.
	 * @param json the raw JSON
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public UnknownPlugin {
		Objects.requireNonNull(json, "json");
	}

	@Override
	public String id() {
		JsonNode value = this.json.get("id");
		return (value != null && value.isString()) ? value.stringValue() : "";
	}

}
