package io.github.openrouter.spring.messages.model.content;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link BlockSource} by its {@code type}, falling back to {@link UnknownSource}.
 */
final class BlockSourceDeserializer extends DiscriminatedUnionDeserializer<BlockSource> {

	private static final Map<String, Class<? extends BlockSource>> TYPES = Map.ofEntries(
			Map.entry("base64", Base64Source.class),
			Map.entry("url", UrlSource.class),
			Map.entry("text", TextSource.class),
			Map.entry("content", ContentSource.class),
			Map.entry("file", FileSource.class));

	BlockSourceDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends BlockSource> memberType(@Nullable String type, Set<String> propertyNames) {
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected BlockSource unknown(JsonNode json) {
		return new UnknownSource(json);
	}

}
