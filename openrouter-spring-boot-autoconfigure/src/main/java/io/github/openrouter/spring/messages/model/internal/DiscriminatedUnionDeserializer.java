package io.github.openrouter.spring.messages.model.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Base of the model's union deserializers: picks the member type from a discriminator property and
 * reads the value as that type, or keeps it as raw JSON when no member matches. Support class of
 * the model, not meant for application code.
 * <p>
 * When the discriminator is the object's first property (as on the wire), the member is read
 * straight from the live parser: a {@link DiscriminatedMemberDeserializer} continues after the
 * discriminator, any other deserializer sees only the discriminator property replayed in front of
 * it. Otherwise, or when {@link #choosesByDiscriminatorAlone(String)} says the property names are
 * needed, the whole value is buffered, scanned and replayed.
 *
 * @param <T> the union type
 * @since 0.1.0
 */
public abstract class DiscriminatedUnionDeserializer<T> extends ValueDeserializer<T> {

	private final String discriminator;

	private final Map<Class<?>, ValueDeserializer<Object>> memberDeserializers = new ConcurrentHashMap<>();

	/**
	 * The member last looked up, checked before the map: a stream is almost all one member type.
	 */
	private volatile @Nullable Member lastMember;

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
	 * @param propertyNames the names of the value's top-level properties; empty when the value was
	 * read without buffering because {@link #choosesByDiscriminatorAlone(String)} returned
	 * {@code true}
	 * @return the member type, or {@code null} to keep the value as raw JSON
	 */
	protected abstract @Nullable Class<? extends T> memberType(@Nullable String discriminatorValue, Set<String> propertyNames);

	/**
	 * Returns whether {@link #memberType(String, Set)} decides by the discriminator value alone,
	 * without looking at the property names, so that the value can be read without buffering.
	 * @param discriminatorValue the string value of the discriminator
	 * @return {@code true} unless the property names matter for this value (the default)
	 */
	protected boolean choosesByDiscriminatorAlone(String discriminatorValue) {
		return true;
	}

	/**
	 * Returns the member that keeps a value this version does not know.
	 * @param json the raw JSON value
	 * @return the unknown member
	 */
	protected abstract T unknown(JsonNode json);

	@Override
	public T deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			return readBuffered(context.bufferAsCopyOfValue(parser), context);
		}
		TokenBuffer buffer;
		if (parser.nextToken() == JsonToken.PROPERTY_NAME && this.discriminator.equals(parser.currentName())) {
			if (parser.nextToken() == JsonToken.VALUE_STRING) {
				String value = parser.getString();
				if (choosesByDiscriminatorAlone(value)) {
					return readDiscriminatorFirst(parser, context, value);
				}
			}
			buffer = startObject(parser, context);
			buffer.writeName(this.discriminator);
			buffer.copyCurrentStructure(parser);
			parser.nextToken();
		}
		else {
			buffer = startObject(parser, context);
		}
		while (parser.currentToken() == JsonToken.PROPERTY_NAME) {
			buffer.copyCurrentStructure(parser);
			parser.nextToken();
		}
		buffer.writeEndObject();
		return readBuffered(buffer, context);
	}

	private static TokenBuffer startObject(JsonParser parser, DeserializationContext context) {
		TokenBuffer buffer = context.bufferForInputBuffering(parser);
		buffer.writeStartObject();
		return buffer;
	}

	/**
	 * Reads an object whose first property is the discriminator from the live parser, positioned
	 * on the discriminator's value: a {@link DiscriminatedMemberDeserializer} continues from there,
	 * any other reader steps back to the discriminator's name first.
	 */
	private T readDiscriminatorFirst(JsonParser parser, DeserializationContext context, String value) {
		Class<? extends T> memberType = memberType(value, Set.of());
		if (memberType == null) {
			return unknown(context.readTree(PropertyNameReplayParser.replaying(parser, this.discriminator)));
		}
		ValueDeserializer<Object> deserializer = memberDeserializer(memberType, context);
		if (deserializer instanceof DiscriminatedMemberDeserializer<?> member) {
			return memberType.cast(member.deserializeAfterDiscriminator(parser, context));
		}
		return memberType.cast(
				deserializer.deserialize(PropertyNameReplayParser.replaying(parser, this.discriminator), context));
	}

	private T readBuffered(TokenBuffer buffer, DeserializationContext context) {
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

	private ValueDeserializer<Object> memberDeserializer(Class<?> memberType, DeserializationContext context) {
		Member last = this.lastMember;
		if (last != null && last.type() == memberType) {
			return last.deserializer();
		}
		ValueDeserializer<Object> deserializer = this.memberDeserializers.get(memberType);
		if (deserializer == null) {
			deserializer = context.findRootValueDeserializer(context.constructType(memberType));
			this.memberDeserializers.put(memberType, deserializer);
		}
		this.lastMember = new Member(memberType, deserializer);
		return deserializer;
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

	/**
	 * A member type and its deserializer, published together through one volatile field. (A class
	 * rather than a record: the model's records are all bound, and hinted for binding; this one is not.)
	 */
	private static final class Member {

		private final Class<?> type;

		private final ValueDeserializer<Object> deserializer;

		Member(Class<?> type, ValueDeserializer<Object> deserializer) {
			this.type = type;
			this.deserializer = deserializer;
		}

		Class<?> type() {
			return this.type;
		}

		ValueDeserializer<Object> deserializer() {
			return this.deserializer;
		}

	}

}
