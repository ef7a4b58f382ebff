package io.github.openrouter.spring.messages.model.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;

/**
 * A member's deserializer that can continue on the live parser right after the discriminator, so
 * that {@link DiscriminatedUnionDeserializer} need not step the parser back to the discriminator's
 * name for it. Support for the model, not meant for application code.
 * <p>
 * Implemented by the hand-written deserializers that ignore the discriminator property anyway;
 * a member read by Jackson's bean deserializer sees the discriminator replayed instead, since the
 * records carry it.
 *
 * @param <T> the member type
 * @since 0.1.0
 */
public interface DiscriminatedMemberDeserializer<T> {

	/**
	 * Reads the rest of an object whose first property is the discriminator, exactly as the
	 * deserializer's {@code deserialize} reads the whole object.
	 * @param parser the live parser, positioned on the discriminator's value (a string that chose
	 * this member); left on the object's {@code END_OBJECT}
	 * @param context the deserialization context
	 * @return the member
	 */
	T deserializeAfterDiscriminator(JsonParser parser, DeserializationContext context);

}
