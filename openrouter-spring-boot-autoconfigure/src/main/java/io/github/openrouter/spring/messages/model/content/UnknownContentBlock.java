package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A content block whose {@code type} this version does not know; keeps the raw JSON and writes it back unchanged.
 *
 * @param json the raw JSON
 * @since 0.1.0
 */
@JsonDeserialize(using = ValueDeserializer.None.class)
public record UnknownContentBlock(@JsonValue JsonNode json) implements ContentBlock {

	/**
	 * Creates an instance around raw JSON.
	 * @param json the raw JSON
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public UnknownContentBlock {
		Objects.requireNonNull(json, "json");
	}

	@Override
	public String type() {
		JsonNode value = this.json.get("type");
		return (value != null && value.isString()) ? value.stringValue() : "";
	}

	@Override
	public Map<String, JsonNode> additionalProperties() {
		return Map.of();
	}

}
