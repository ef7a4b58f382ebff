package io.github.openrouter.spring.messages.observation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the test fixtures that observation tests compare their meters with, and holds the
 * handler and meter checks those tests share.
 */
final class ObservationFixtures {

	static final String FULL_USAGE_RESPONSE = "fixtures/synthetic-observability/response-fallback-full-usage.json";

	static final String FULL_USAGE_STREAM = "fixtures/synthetic-observability/stream-fallback-full-usage.sse";

	static final String SPEC_RESPONSE = "fixtures/openrouter-spec/response-200.example.json";

	static final String QUIRKS_STREAM = "fixtures/synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse";

	static final String MIDSTREAM_ERROR_STREAM = "fixtures/synthetic-openrouter/SYNTHETIC-midstream-error.sse";

	/** Prompt text that must never show up in a tag. */
	static final String PROMPT = "Tell me the secret plan PROMPT-7f3a";

	/** User id that must never show up in a tag. */
	static final String USER = "user-42-c0ffee";

	/** Session id that must never show up in a tag. */
	static final String SESSION = "session-9d8e7f";

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ObservationFixtures() {
	}

	/** A handler that adds every stopped messages observation context to {@code stopped}. */
	static ObservationHandler<MessagesObservationContext> collectStopped(List<MessagesObservationContext> stopped) {
		return new ObservationHandler<>() {
			@Override
			public void onStop(MessagesObservationContext context) {
				stopped.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof MessagesObservationContext;
			}
		};
	}

	static String text(String path) {
		try (InputStream in = ObservationFixtures.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts the token and cost meters against a fixture's usage: input, cache read and cache
	 * creation from {@code inputUsage}; output, reasoning and cost from {@code outputUsage}.
	 */
	static void assertTokenMeters(MeterRegistry meterRegistry, JsonNode inputUsage, JsonNode outputUsage) {
		long input = inputUsage.get("input_tokens").asLong() + inputUsage.get("cache_read_input_tokens").asLong()
				+ inputUsage.get("cache_creation_input_tokens").asLong();
		assertThat(meterRegistry.get(TOKEN_USAGE).tag(TOKEN_TYPE, "input").summary().totalAmount())
			.isEqualTo(input);
		assertThat(meterRegistry.get(TOKEN_USAGE).tag(TOKEN_TYPE, "output").summary().totalAmount())
			.isEqualTo(outputUsage.get("output_tokens").asLong());
		assertThat(meterRegistry.get(CACHE_READ_TOKENS).summary().totalAmount())
			.isEqualTo(inputUsage.get("cache_read_input_tokens").asLong());
		assertThat(meterRegistry.get(CACHE_CREATION_TOKENS).summary().totalAmount())
			.isEqualTo(inputUsage.get("cache_creation_input_tokens").asLong());
		assertThat(meterRegistry.get(REASONING_TOKENS).summary().totalAmount())
			.isEqualTo(outputUsage.at("/output_tokens_details/thinking_tokens").asLong());
		assertThat(meterRegistry.get(COST).summary().totalAmount()).isEqualTo(outputUsage.get("cost").asDouble());
	}

	static JsonNode tree(String path) {
		return MAPPER.readTree(text(path));
	}

	static MessageResponse response(String path) {
		return MAPPER.readValue(text(path), MessageResponse.class);
	}

	/**
	 * Returns the JSON {@code data} of every SSE event except {@code [DONE]}, in order.
	 */
	static List<JsonNode> sseData(String path) {
		List<JsonNode> data = new ArrayList<>();
		for (String line : text(path).split("\r\n|\r|\n")) {
			if (line.startsWith("data:")) {
				String json = line.substring(5).trim();
				if (!json.equals("[DONE]")) {
					data.add(MAPPER.readTree(json));
				}
			}
		}
		return data;
	}

	/**
	 * Returns the events of an SSE fixture, without {@code error} events (the decoder turns those
	 * into an error signal).
	 */
	static List<StreamEvent> streamEvents(String path) {
		List<StreamEvent> events = new ArrayList<>();
		for (JsonNode data : sseData(path)) {
			if (!"error".equals(data.path("type").asString())) {
				events.add(MAPPER.treeToValue(data, StreamEvent.class));
			}
		}
		return events;
	}

	/**
	 * Returns a request for the model, carrying prompt text, a user and a session that must never become tags.
	 */
	static MessageRequest request(String model) {
		return MessageRequest.builder()
			.model(model)
			.maxTokens(1024)
			.temperature(0.5)
			.system("You are a test. " + PROMPT)
			.addUserMessage(PROMPT)
			.user(USER)
			.sessionId(SESSION)
			.build();
	}

}
