package io.github.openrouter.spring.account;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the account records have a component for every property of OpenRouter's schemas,
 * {@code @Nullable} exactly where the schema allows {@code null}.
 */
class AccountSchemaCoverageTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/key, io.github.openrouter.spring.account.KeyInfo",
			"/credits, io.github.openrouter.spring.account.Credits",
			"/generation, io.github.openrouter.spring.account.Generation" })
	void shouldCoverEveryPropertyOfTheAnswer(String path, Class<?> type) {
		assertThat(components(type)).isEqualTo(properties(AccountSpec.dataSchema(path)));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "ProviderResponse, io.github.openrouter.spring.account.ProviderResponse" })
	void shouldCoverEveryPropertyOfANestedSchema(String schema, Class<?> type) {
		Map<String, Boolean> expected = properties(AccountSpec.schema(schema));
		// required by the schema but absent from some of OpenRouter's answers, so kept nullable
		expected.replaceAll((name, nullable) -> true);
		assertThat(components(type)).isEqualTo(expected);
	}

	/**
	 * Returns each property of an object schema and whether it may be {@code null} (its type
	 * allows it, it is not required, or it is a deprecated object).
	 */
	private static Map<String, Boolean> properties(JsonNode schema) {
		Map<String, Boolean> properties = new TreeMap<>();
		schema.path("properties").properties().forEach((property) -> {
			JsonNode type = AccountSpec.resolve(property.getValue()).path("type");
			boolean nullable = type.isArray() && type.valueStream().anyMatch((t) -> t.asString().equals("null"));
			boolean required = schema.path("required").valueStream()
				.anyMatch((name) -> name.asString().equals(property.getKey()));
			// a deprecated object (the legacy rate_limit) may go away: kept nullable
			boolean deprecatedObject = property.getValue().path("deprecated").asBoolean()
					&& type.asString("").equals("object");
			properties.put(property.getKey(), nullable || !required || deprecatedObject);
		});
		return properties;
	}

	private static Map<String, Boolean> components(Class<?> type) {
		Map<String, Boolean> components = new TreeMap<>();
		for (RecordComponent component : type.getRecordComponents()) {
			JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
			String name = (property != null) ? property.value() : component.getName();
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			components.put(name, nullable);
		}
		return components;
	}

}
