package io.github.openrouter.spring.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts {@link OpenRouterProperties.Provider} to the {@link ProviderPreferences} sent as the
 * {@code provider} object of a request, by name: each property is written under its snake_case
 * name and read back by the model, durations as seconds and prices as decimal strings. The one
 * field of the properties the model does not have, {@code sort-partition}, becomes the object
 * form of {@code sort}.
 *
 * @author OpenRouter Spring contributors
 */
final class ProviderPreferencesMapper {

	private static final JsonMapper mapper = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		.addModule(new SimpleModule().addSerializer(Duration.class, new SecondsSerializer())
			.addSerializer(BigDecimal.class, new PlainStringSerializer()))
		.build();

	private ProviderPreferencesMapper() {
	}

	/**
	 * Returns the preferences set in the properties.
	 * @param provider the provider properties
	 * @return the preferences, or {@code null} if none is set
	 */
	static @Nullable ProviderPreferences toPreferences(OpenRouterProperties.Provider provider) {
		ObjectNode tree = mapper.valueToTree(provider);
		tree.properties().removeIf((field) -> field.getValue().isObject() && field.getValue().isEmpty());
		JsonNode partition = tree.remove("sort_partition");
		if (partition != null) {
			ObjectNode sort = tree.objectNode();
			sort.set("by", tree.get("sort"));
			sort.set("partition", partition);
			tree.set("sort", sort);
		}
		return tree.isEmpty() ? null : mapper.treeToValue(tree, ProviderPreferences.class);
	}

	private static final class SecondsSerializer extends ValueSerializer<Duration> {

		@Override
		public void serialize(Duration value, JsonGenerator generator, SerializationContext context) {
			generator.writeNumber(new BigDecimal(BigDecimal.valueOf(value.toNanos(), 9).stripTrailingZeros().toPlainString()));
		}

	}

	private static final class PlainStringSerializer extends ValueSerializer<BigDecimal> {

		@Override
		public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(value.stripTrailingZeros().toPlainString());
		}

	}

}
