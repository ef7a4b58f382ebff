package io.github.openrouter.spring.messages.streaming;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStopEvent;
import io.github.openrouter.spring.messages.model.stream.Delta;
import io.github.openrouter.spring.messages.model.stream.ErrorEvent;
import io.github.openrouter.spring.messages.model.stream.InputJsonDelta;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.SignatureDelta;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.model.stream.ThinkingDelta;

/**
 * Reads one {@link StreamEvent} from the UTF-8 JSON bytes of an SSE {@code data} field in a
 * single pass of one streaming parser.
 *
 * <p>
 * When {@code type} is the first property (as Anthropic and OpenRouter send it), the event
 * class is chosen from it and the rest of the object is bound by that class's own
 * deserializer from the same parser; {@code content_block_delta} with a text, JSON, thinking
 * or signature delta is read by hand, since it is most of a stream. Otherwise the remaining
 * properties are read into a tree and bound through the model's {@link StreamEvent}
 * deserializer, so unknown event and delta types still become their {@code Unknown*}
 * fallbacks with the raw JSON kept. The JSON {@code type} decides; the SSE {@code event:}
 * name is not used.
 */
final class StreamEventReader {

	private static final String TYPE = "type";

	private static final Map<String, Class<? extends StreamEvent>> EVENT_TYPES = Map.of(
			MessageStartEvent.TYPE, MessageStartEvent.class, ContentBlockStartEvent.TYPE,
			ContentBlockStartEvent.class, ContentBlockStopEvent.TYPE, ContentBlockStopEvent.class,
			MessageDeltaEvent.TYPE, MessageDeltaEvent.class, MessageStopEvent.TYPE, MessageStopEvent.class,
			ErrorEvent.TYPE, ErrorEvent.class);

	private static final PingEvent PING = new PingEvent(PingEvent.TYPE);

	private final JsonMapper mapper;

	/** Readers that bind an event from the middle of an object (after its {@code type}). */
	private final Map<String, ObjectReader> eventReaders;

	private final ObjectReader treeReader;

	StreamEventReader(JsonMapper mapper) {
		this.mapper = mapper;
		Map<String, ObjectReader> readers = new HashMap<>();
		EVENT_TYPES.forEach((type, eventClass) -> readers.put(type,
				mapper.readerFor(eventClass).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)));
		this.eventReaders = Map.copyOf(readers);
		this.treeReader = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
		try (JsonParser parser = this.mapper.createParser(data, offset, length)) {
			StreamEvent event = readEvent(parser);
			if (parser.nextToken() != null) {
				throw new OpenRouterDecodingException("Malformed stream event: content after the JSON object", null);
			}
			return event;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new OpenRouterDecodingException("Malformed stream event JSON (" + length + " bytes): "
					+ ex.getMessage(), ex);
		}
	}

	private StreamEvent readEvent(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new OpenRouterDecodingException("Malformed stream event: data is not a JSON object", null);
		}
		parser.nextToken();
		if (parser.currentToken() == JsonToken.PROPERTY_NAME && TYPE.equals(parser.currentName())) {
			if (parser.nextToken() == JsonToken.VALUE_STRING) {
				String type = parser.getString();
				parser.nextToken();
				if (ContentBlockDeltaEvent.TYPE.equals(type)) {
					return readContentBlockDelta(parser);
				}
				if (PingEvent.TYPE.equals(type)) {
					skipRemainingProperties(parser);
					return PING;
				}
				ObjectReader eventReader = this.eventReaders.get(type);
				if (eventReader != null && parser.currentToken() == JsonToken.PROPERTY_NAME) {
					return eventReader.readValue(parser);
				}
				return this.mapper.treeToValue(readRest(parser, this.mapper.createObjectNode().put(TYPE, type)),
						StreamEvent.class);
			}
			return this.mapper.treeToValue(readRest(parser, typeNode(parser)), StreamEvent.class);
		}
		return this.mapper.treeToValue(readRest(parser, this.mapper.createObjectNode()), StreamEvent.class);
	}

	private StreamEvent readContentBlockDelta(JsonParser parser) {
		@Nullable Integer index = null;
		@Nullable Delta delta = null;
		while (parser.currentToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("index".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
				index = parser.getIntValue();
			}
			else if ("delta".equals(name) && value == JsonToken.START_OBJECT) {
				delta = readDelta(parser);
			}
			else {
				parser.skipChildren();
			}
			parser.nextToken();
		}
		expectEndObject(parser);
		if (index == null || delta == null) {
			throw new OpenRouterDecodingException(
					"Malformed content_block_delta event: it needs an integer 'index' and a 'delta' object", null);
		}
		return new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, index, delta);
	}

	private Delta readDelta(JsonParser parser) {
		parser.nextToken();
		if (parser.currentToken() == JsonToken.PROPERTY_NAME && TYPE.equals(parser.currentName())) {
			if (parser.nextToken() == JsonToken.VALUE_STRING) {
				String type = parser.getString();
				parser.nextToken();
				String valueName = simpleDeltaProperty(type);
				if (valueName != null) {
					return simpleDelta(type, readStringProperty(parser, valueName));
				}
				return this.mapper.treeToValue(readRest(parser, this.mapper.createObjectNode().put(TYPE, type)),
						Delta.class);
			}
			return this.mapper.treeToValue(readRest(parser, typeNode(parser)), Delta.class);
		}
		return this.mapper.treeToValue(readRest(parser, this.mapper.createObjectNode()), Delta.class);
	}

	private static @Nullable String simpleDeltaProperty(String type) {
		switch (type) {
			case TextDelta.TYPE:
				return "text";
			case InputJsonDelta.TYPE:
				return "partial_json";
			case ThinkingDelta.TYPE:
				return "thinking";
			case SignatureDelta.TYPE:
				return "signature";
			default:
				return null;
		}
	}

	private static Delta simpleDelta(String type, String value) {
		switch (type) {
			case TextDelta.TYPE:
				return new TextDelta(type, value);
			case InputJsonDelta.TYPE:
				return new InputJsonDelta(type, value);
			case ThinkingDelta.TYPE:
				return new ThinkingDelta(type, value);
			default:
				return new SignatureDelta(type, value);
		}
	}

	/** Reads the remaining properties of an object, keeping the string value of one. */
	private static String readStringProperty(JsonParser parser, String wanted) {
		@Nullable String result = null;
		while (parser.currentToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (wanted.equals(name) && value == JsonToken.VALUE_STRING) {
				result = parser.getString();
			}
			else {
				parser.skipChildren();
			}
			parser.nextToken();
		}
		expectEndObject(parser);
		if (result == null) {
			throw new OpenRouterDecodingException("Malformed delta: missing string '" + wanted + "'", null);
		}
		return result;
	}

	/** Reads the {@code type} value at the current token (not a string) into a new object node. */
	private ObjectNode typeNode(JsonParser parser) {
		ObjectNode node = this.mapper.createObjectNode();
		node.set(TYPE, readValueTree(parser));
		parser.nextToken();
		return node;
	}

	/** Reads the remaining properties of the current object into the node; the rare, slow path. */
	private ObjectNode readRest(JsonParser parser, ObjectNode target) {
		while (parser.currentToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			parser.nextToken();
			target.set(name, readValueTree(parser));
			parser.nextToken();
		}
		expectEndObject(parser);
		return target;
	}

	private static void skipRemainingProperties(JsonParser parser) {
		while (parser.currentToken() == JsonToken.PROPERTY_NAME) {
			parser.nextToken();
			parser.skipChildren();
			parser.nextToken();
		}
		expectEndObject(parser);
	}

	private JsonNode readValueTree(JsonParser parser) {
		return this.treeReader.readTree(parser);
	}

	private static void expectEndObject(JsonParser parser) {
		if (parser.currentToken() != JsonToken.END_OBJECT) {
			throw new OpenRouterDecodingException("Malformed stream event: expected the end of a JSON object but found "
					+ parser.currentToken(), null);
		}
	}

}
