package io.github.openrouter.spring.messages.model.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A union member's deserializer that reads its object property by property, ignoring the
 * discriminator, so that {@link DiscriminatedUnionDeserializer} can let it continue on the live
 * parser right after the discriminator instead of stepping the parser back to the
 * discriminator's name. Both ways in, a whole object and the rest of one, end in the same
 * {@link #readProperties property loop}. Support for the model, not meant for application code.
 * <p>
 * A member read by Jackson's bean deserializer sees the discriminator replayed instead, since the
 * records carry it.
 *
 * @param <T> the member type
 * @since 0.1.0
 */
public abstract class DiscriminatedMemberDeserializer<T> extends ValueDeserializer<T> {

	private final String description;

	/**
	 * Creates a deserializer.
	 * @param description what the object is, for the error of a value that is not one, such as
	 * {@code "a delta"}
	 */
	protected DiscriminatedMemberDeserializer(String description) {
		this.description = description;
	}

	/**
	 * Reads a whole object, from its {@code START_OBJECT} (or its first property's name).
	 */
	@Override
	public T deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT) {
			token = parser.nextToken();
		}
		else if (token != JsonToken.PROPERTY_NAME) {
			return context.reportInputMismatch(this, "Expected a JSON object for %s but found %s", this.description,
					token);
		}
		return readProperties(parser, context, token);
	}

	/**
	 * Reads the rest of an object whose first property is the discriminator, exactly as
	 * {@link #deserialize} reads the whole object.
	 * @param parser the live parser, positioned on the discriminator's value (a string that chose
	 * this member); left on the object's {@code END_OBJECT}
	 * @param context the deserialization context
	 * @return the member
	 */
	public T deserializeAfterDiscriminator(JsonParser parser, DeserializationContext context) {
		return readProperties(parser, context, parser.nextToken());
	}

	/**
	 * Reads the properties from the given token (the first property's name, or the object's end)
	 * to the end of the object, leaving the parser on its {@code END_OBJECT}.
	 * @param parser the parser
	 * @param context the deserialization context
	 * @param token the current token
	 * @return the member
	 */
	protected abstract T readProperties(JsonParser parser, DeserializationContext context, @Nullable JsonToken token);

}
