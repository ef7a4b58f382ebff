package io.github.openrouter.spring.messages.model.stream;

import java.util.Map;
import java.util.Set;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedUnionDeserializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a {@link Delta} by its {@code type}, falling back to {@link UnknownDelta}.
 */
final class DeltaDeserializer extends DiscriminatedUnionDeserializer<Delta> {

	private static final Map<String, Class<? extends Delta>> TYPES = Map.ofEntries(
			Map.entry("text_delta", TextDelta.class),
			Map.entry("input_json_delta", InputJsonDelta.class),
			Map.entry("thinking_delta", ThinkingDelta.class),
			Map.entry("signature_delta", SignatureDelta.class),
			Map.entry("citations_delta", CitationsDelta.class),
			Map.entry("compaction_delta", CompactionDelta.class));

	DeltaDeserializer() {
		super("type");
	}

	@Override
	protected @Nullable Class<? extends Delta> memberType(@Nullable String type, Set<String> propertyNames) {
		if (TextDelta.TYPE.equals(type)) {
			// most of a stream: compared before hashing the type, a new string each time
			return TextDelta.class;
		}
		return (type != null) ? TYPES.get(type) : null;
	}

	@Override
	protected Delta unknown(JsonNode json) {
		return new UnknownDelta(json);
	}

}
