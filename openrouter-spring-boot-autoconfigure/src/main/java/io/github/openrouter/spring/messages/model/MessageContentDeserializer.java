package io.github.openrouter.spring.messages.model;

import java.util.List;

import io.github.openrouter.spring.messages.model.content.ContentBlock;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link MessageContent} from a JSON string or an array of blocks.
 */
final class MessageContentDeserializer extends ValueDeserializer<MessageContent> {

	@Override
	public MessageContent deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return MessageContent.of(parser.getString());
		}
		if (parser.currentToken() == JsonToken.START_ARRAY) {
			List<ContentBlock> blocks = context.readValue(parser,
					context.getTypeFactory().constructCollectionType(List.class, ContentBlock.class));
			return MessageContent.of(blocks);
		}
		return (MessageContent) context.handleUnexpectedToken(MessageContent.class, parser);
	}

}
