package io.github.openrouter.spring.messages.model;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Base of the model's union deserializers: buffers one JSON value, picks the member type from a
 * discriminator property and reads the value as that type, or keeps it as raw JSON when no
 * member matches. Support class of the model, not meant for application code.
 *
 * @param <T> the union type
 * @since 0.1.0
 */
public abstract class DiscriminatedUnionDeserializer<T> extends ValueDeserializer<T> {

	private final String discriminator;

	/**
	 * Creates a deserializer that reads the given discriminator property.
	 * @param discriminator the property name, e.g. {@code type}
	 */
	protected DiscriminatedUnionDeserializer(String discriminator) {
		this.discriminator = discriminator;
	}

	/**
	 * Returns the member type for a value.
	 * @param discriminatorValue the string value of the discriminator, or {@code null} when it is
	 * missing or not a string
	 * @param propertyNames the names of the value's top-level properties
	 * @return the member type, or {@code null} to keep the value as raw JSON
	 */
	protected abstract @Nullable Class<? extends T> memberType(@Nullable String discriminatorValue, Set<String> propertyNames);

	/**
	 * Returns the member that keeps a value this version does not know.
	 * @param json the raw JSON value
	 * @return the unknown member
	 */
	protected abstract T unknown(JsonNode json);

	@Override
	public T deserialize(JsonParser parser, DeserializationContext context) {
		TokenBuffer buffer = context.bufferAsCopyOfValue(parser);
		Set<String> propertyNames = new HashSet<>();
		String discriminatorValue = scan(buffer, context, propertyNames);
		Class<? extends T> memberType = memberType(discriminatorValue, propertyNames);
		try (JsonParser replay = buffer.asParserOnFirstToken(context)) {
			if (memberType != null) {
				return context.readValue(replay, memberType);
			}
			return unknown(context.readTree(replay));
		}
	}

	private @Nullable String scan(TokenBuffer buffer, DeserializationContext context, Set<String> propertyNames) {
		String value = null;
		try (JsonParser scanner = buffer.asParser(context)) {
			if (scanner.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (scanner.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = scanner.currentName();
				JsonToken token = scanner.nextToken();
				propertyNames.add(name);
				if (this.discriminator.equals(name) && token == JsonToken.VALUE_STRING) {
					value = scanner.getString();
				}
				else {
					scanner.skipChildren();
				}
			}
		}
		return value;
	}

}
