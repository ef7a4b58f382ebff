package io.github.openrouter.spring.messages.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * One observed {@code create} call, loaded by {@link ObservationWithoutMicrometerCoreTests} in a
 * class loader that has no {@code micrometer-core}.
 */
public class IsolatedObservedCall implements Function<String, String> {

	@Override
	public String apply(String baseUrl) {
		List<String> stopped = new ArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context.getName() + " "
						+ context.getLowCardinalityKeyValue("gen_ai.response.model").getValue());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof MessagesObservationContext;
			}
		});
		MessagesClient client = MessagesClient.builder()
			.baseUrl(baseUrl)
			.apiKey("test-key")
			.observationRegistry(registry)
			.build();
		MessageResponse response = client
			.create(MessageRequest.builder().model("anthropic/claude-sonnet-4").addUserMessage("Hello").build());
		return String.join(",", stopped) + " -> " + response.model();
	}

}
