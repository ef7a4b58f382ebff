package io.github.openrouter.spring.messages.model.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedMemberDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;

/**
 * Reads the deltas that carry one string ({@code text_delta}, {@code input_json_delta},
 * {@code thinking_delta}, {@code signature_delta}) property by property from the parser, keeping
 * the fields this version does not know. They are most of a stream; Jackson's bean deserializer
 * spends ~160 more bytes on each (a property buffer, an argument array and an any-setter map,
 * measured in {@code benchmarks/README.md} #20), which is why these four are read by hand. As the
 * union's members they continue after the {@code type} on the live parser.
 */
abstract sealed class StringDeltaDeserializer extends DiscriminatedMemberDeserializer<Delta> {

	private final String property;

	private final BiFunction<@Nullable String, Map<String, JsonNode>, Delta> factory;

	private StringDeltaDeserializer(String property,
			BiFunction<@Nullable String, Map<String, JsonNode>, Delta> factory) {
		super("a delta");
		this.property = property;
		this.factory = factory;
	}

	@Override
	protected Delta readProperties(JsonParser parser, DeserializationContext context, @Nullable JsonToken token) {
		boolean found = false;
		@Nullable String value = null;
		@Nullable Map<String, JsonNode> unknown = null;
		for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			String name = parser.currentName();
			JsonToken valueToken = parser.nextToken();
			if (this.property.equals(name)) {
				if (valueToken != JsonToken.VALUE_STRING && valueToken != JsonToken.VALUE_NULL) {
					return context.reportInputMismatch(this, "Expected a string for '%s' but found %s", name,
							valueToken);
				}
				found = true;
				value = (valueToken == JsonToken.VALUE_STRING) ? parser.getString() : null;
			}
			else if ("type".equals(name)) {
				parser.skipChildren();
			}
			else {
				unknown = (unknown != null) ? unknown : new LinkedHashMap<>();
				unknown.put(name, context.readTree(parser));
			}
		}
		if (!found) {
			return context.reportInputMismatch(this, "Missing required creator property '%s'", this.property);
		}
		return this.factory.apply(value, (unknown != null) ? unknown : Map.of());
	}

	static final class Text extends StringDeltaDeserializer {

		Text() {
			super("text", (text, unknown) -> new TextDelta(TextDelta.TYPE, text, unknown));
		}

	}

	static final class InputJson extends StringDeltaDeserializer {

		InputJson() {
			super("partial_json", (json, unknown) -> new InputJsonDelta(InputJsonDelta.TYPE, json, unknown));
		}

	}

	static final class Thinking extends StringDeltaDeserializer {

		Thinking() {
			super("thinking", (thinking, unknown) -> new ThinkingDelta(ThinkingDelta.TYPE, thinking, unknown));
		}

	}

	static final class Signature extends StringDeltaDeserializer {

		Signature() {
			super("signature", (signature, unknown) -> new SignatureDelta(SignatureDelta.TYPE, signature, unknown));
		}

	}

}
