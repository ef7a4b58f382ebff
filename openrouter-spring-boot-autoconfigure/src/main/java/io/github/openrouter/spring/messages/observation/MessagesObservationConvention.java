package io.github.openrouter.spring.messages.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Convention for the observation of a messages call; declare a bean of this type to rename or add keys.
 *
 * @since 0.1.0
 */
public interface MessagesObservationConvention extends ObservationConvention<MessagesObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MessagesObservationContext;
	}

}
