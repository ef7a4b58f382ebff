package io.github.openrouter.spring.messages.streaming.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;

/**
 * Reads one {@link StreamEvent} from the UTF-8 JSON bytes of an SSE {@code data} field through
 * the model's own deserializers, with one cached {@link ObjectReader}. The JSON {@code type}
 * decides; the SSE {@code event:} name is not used. Every failure, including data that is not
 * one JSON object, is an {@link OpenRouterDecodingException}.
 */
final class StreamEventReader {

	private final ObjectReader reader;

	StreamEventReader(JsonMapper mapper) {
		this.reader = mapper.readerFor(StreamEvent.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Reads an event.
	 * @param data the JSON bytes
	 * @return the event
	 * @throws OpenRouterDecodingException if the bytes are not one JSON object that binds to
	 * an event
	 */
	StreamEvent read(byte[] data) {
		return read(data, 0, data.length);
	}

	/**
	 * Reads an event from part of an array.
	 * @param data holds the JSON bytes
	 * @param offset where they start
	 * @param length how many there are
	 * @return the event
	 * @throws OpenRouterDecodingException if the bytes are not one JSON object that binds to
	 * an event
	 */
	StreamEvent read(byte[] data, int offset, int length) {
		StreamEvent event;
		try {
			event = this.reader.readValue(data, offset, length);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new OpenRouterDecodingException("Malformed stream event JSON (" + length + " bytes): "
					+ ex.getMessage(), ex);
		}
		if (event == null || event instanceof UnknownStreamEvent unknown && !unknown.json().isObject()) {
			throw new OpenRouterDecodingException("Malformed stream event: data is not a JSON object", null);
		}
		return event;
	}

}
