package io.github.openrouter.spring.messages.model;

import java.util.List;

import io.github.openrouter.spring.messages.model.content.TextBlock;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link SystemPrompt} from a JSON string or an array of blocks.
 */
final class SystemPromptDeserializer extends ValueDeserializer<SystemPrompt> {

	@Override
	public SystemPrompt deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return SystemPrompt.of(parser.getString());
		}
		if (parser.currentToken() == JsonToken.START_ARRAY) {
			List<TextBlock> blocks = context.readValue(parser,
					context.getTypeFactory().constructCollectionType(List.class, TextBlock.class));
			return SystemPrompt.of(blocks);
		}
		return (SystemPrompt) context.handleUnexpectedToken(SystemPrompt.class, parser);
	}

}
