package io.github.openrouter.spring.messages.structured.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.openrouter.spring.messages.structured.UnsupportedSchemaTypeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TypeSchemas}: every generated schema stays inside the keyword subset of
 * Anthropic's structured outputs, is a valid JSON Schema 2020-12 document, and accepts what
 * the client's mapper writes for an instance of its type.
 */
class TypeSchemasTests {

	/**
	 * Keywords of Anthropic's structured outputs that the schemas may use ("JSON Schema
	 * limitations", platform.claude.com/docs/en/build-with-claude/structured-outputs).
	 */
	private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
			"items", "enum", "format", "description", "anyOf");

	/** String formats the subset accepts. */
	private static final Set<String> FORMATS = Set.of("date-time", "time", "date", "duration", "email", "hostname",
			"uri", "ipv4", "ipv6", "uuid");

	private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean",
			"null");

	/** The client's mapper today: a plain Jackson 3 mapper. */
	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final TypeSchemas schemas = new TypeSchemas(MAPPER);

	static Stream<Arguments> types() {
		Ingredient flour = new Ingredient("flour", 0.5, Unit.KILOGRAM);
		Ingredient salt = new Ingredient("salt", 3, Unit.GRAM);
		return Stream.of(Arguments.of("scalars", Scalars.class,
				List.of(new Scalars("text", 1, 2L, 3.5, true, new BigDecimal("12.30"), 'c'))),
				Arguments.of("nested records", Recipe.class,
						List.of(new Recipe("Bread", List.of(flour, salt), new Ingredient("water", 0.3, Unit.LITRE)))),
				Arguments.of("lists, sets and arrays", Collections.class,
						List.of(new Collections(List.of("a", "b"), new LinkedHashSet<>(List.of(1, 2)),
								new Ingredient[] { flour }, List.of(List.of(true))))),
				Arguments.of("enums spelled as the mapper writes them", Unit.Holder.class,
						List.of(new Unit.Holder(Unit.GRAM, List.of(Unit.LITRE, Unit.KILOGRAM)))),
				Arguments.of("optionals, empty and present", Optionals.class,
						List.of(new Optionals(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
								new Optionals(Optional.of("note"), Optional.of(salt), Optional.of(Unit.GRAM),
										Optional.of(List.of(3))))),
				Arguments.of("java.time and other string values", Times.class,
						List.of(new Times(Instant.parse("2026-12-07T10:15:30.123Z"), LocalDate.of(2026, 12, 7),
								LocalDateTime.of(2026, 12, 7, 10, 15), LocalTime.of(10, 15, 30),
								// UTC: the mapper reads offsets back adjusted to UTC.
								OffsetDateTime.of(2026, 12, 7, 10, 15, 0, 0, ZoneOffset.UTC),
								ZonedDateTime.of(2026, 12, 7, 10, 15, 0, 0, ZoneOffset.UTC),
								OffsetTime.of(10, 15, 0, 0, ZoneOffset.ofHours(-5)), Duration.ofMinutes(90),
								UUID.fromString("0b8e8c7c-8d0b-4f7e-9a55-3c1f0e7f2a11"),
								URI.create("https://openrouter.ai/docs")))),
				Arguments.of("Jackson names and descriptions", Described.class,
						List.of(new Described("Ada", 36))),
				Arguments.of("maps with enum keys", Pantry.class,
						List.of(new Pantry(new EnumMap<>(Map.of(Unit.GRAM, 500))),
								new Pantry(new EnumMap<>(Unit.class)))),
				Arguments.of("a generic wrapper", new TypeReference<Page<Ingredient>>() {
				}.getType(), List.of(new Page<>(List.of(flour, salt), 2))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void schemaShouldUseOnlyTheProviderSubset(String name, java.lang.reflect.Type type, List<?> instances) {
		List<String> violations = new ArrayList<>();
		checkSubset(this.schemas.schema(type), "#", violations);
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void schemaShouldBeAValidJsonSchema(String name, java.lang.reflect.Type type, List<?> instances) {
		Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
		assertThat(metaSchema.validate(this.schemas.schema(type))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void schemaShouldAcceptWhatTheMapperWritesAndTheMapperShouldReadItBack(String name,
			java.lang.reflect.Type type, List<?> instances) {
		Schema schema = REGISTRY.getSchema(this.schemas.schema(type));
		for (Object instance : instances) {
			JsonNode written = MAPPER.valueToTree(instance);
			assertThat(validate(schema, written)).as("%s", written).isEmpty();
			Object read = MAPPER.readValue(written.toString(), MAPPER.constructType(type));
			JsonNode rewritten = MAPPER.valueToTree(read);
			assertThat(rewritten).isEqualTo(written);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("types")
	void schemaShouldRejectAnInstanceWithAnExtraOrAMissingProperty(String name, java.lang.reflect.Type type,
			List<?> instances) {
		Schema schema = REGISTRY.getSchema(this.schemas.schema(type));
		ObjectNode extra = MAPPER.valueToTree(instances.get(0));
		extra.put("unexpected", 1);
		assertThat(validate(schema, extra)).isNotEmpty();
		ObjectNode missing = MAPPER.valueToTree(instances.get(0));
		String first = missing.propertyNames().iterator().next();
		missing.remove(first);
		if (type != Pantry.class || !first.isEmpty()) {
			assertThat(validate(schema, missing)).as("without %s", first).isNotEmpty();
		}
	}

	@Test
	void schemaShouldNameAndDescribePropertiesAsJacksonAnnotationsSay() {
		ObjectNode schema = this.schemas.schema(Described.class);

		assertThat(schema.path("description").asString()).isEqualTo("A person");
		assertThat(schema.path("properties").propertyNames()).containsExactly("full_name", "age");
		assertThat(schema.at("/properties/full_name/description").asString()).isEqualTo("Given and family name");
		assertThat(schema.path("required").values()).extracting(JsonNode::asString)
			.containsExactly("full_name", "age");
	}

	@Test
	void schemaShouldSpellEnumsAndEnumKeysAsTheMapperWritesThem() {
		assertThat(this.schemas.schema(Unit.Holder.class).at("/properties/unit/enum").values())
			.extracting(JsonNode::asString)
			.containsExactly("g", "kg", "l");
		ObjectNode pantry = this.schemas.schema(Pantry.class);
		assertThat(pantry.at("/properties/stock/properties").propertyNames()).containsExactly("g", "kg", "l");
		assertThat(pantry.at("/properties/stock/required").isMissingNode()).isTrue();
	}

	@Test
	void schemaShouldMakeOptionalsRequiredAndNullable() {
		ObjectNode schema = this.schemas.schema(Optionals.class);

		assertThat(schema.path("required")).hasSize(4);
		assertThat(schema.at("/properties/note/type").values()).extracting(JsonNode::asString)
			.containsExactly("string", "null");
		assertThat(schema.at("/properties/garnish/type").values()).extracting(JsonNode::asString)
			.containsExactly("object", "null");
	}

	@Test
	void schemaShouldGiveFormatsOnlyToValuesThatCarryAllTheyNeed() {
		ObjectNode properties = (ObjectNode) this.schemas.schema(Times.class).path("properties");

		assertThat(properties.at("/instant/format").asString()).isEqualTo("date-time");
		assertThat(properties.at("/date/format").asString()).isEqualTo("date");
		assertThat(properties.at("/duration/format").asString()).isEqualTo("duration");
		// The mapper leaves out zero seconds ("10:15-05:00"), which RFC 3339's full-time requires.
		assertThat(properties.at("/offsetTime/format").isMissingNode()).isTrue();
		assertThat(properties.at("/dateTime/format").isMissingNode()).isTrue();
		assertThat(properties.at("/time/format").isMissingNode()).isTrue();
	}

	@Test
	void schemaShouldFollowTheNamingStrategyOfTheMapper() {
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		TypeSchemas snakeCaseSchemas = new TypeSchemas(snakeCase);
		Recipe recipe = new Recipe("Bread", List.of(new Ingredient("flour", 0.5, Unit.KILOGRAM)),
				new Ingredient("water", 0.3, Unit.LITRE));

		assertThat(snakeCaseSchemas.schema(Times.class).path("properties").propertyNames())
			.contains("date_time", "offset_date_time")
			.doesNotContain("dateTime");
		assertThat(snakeCaseSchemas.schema(Described.class).path("properties").propertyNames())
			.containsExactly("full_name", "age");
		assertThat(validate(REGISTRY.getSchema(snakeCaseSchemas.schema(Recipe.class)), snakeCase.valueToTree(recipe)))
			.isEmpty();
	}

	@Test
	void schemaShouldBeComputedOnceAndHandedOutAsACopy() {
		ObjectNode first = this.schemas.schema(Recipe.class);
		first.put("type", "changed");

		assertThat(this.schemas.schema(Recipe.class).path("type").asString()).isEqualTo("object");
	}

	@Test
	void recursiveTypeShouldBeRefusedWithAClearError() {
		assertThatExceptionOfType(UnsupportedSchemaTypeException.class)
			.isThrownBy(() -> this.schemas.schema(Node.class))
			.withMessageContaining(Node.class.getName())
			.withMessageContaining("refers to itself")
			.satisfies((ex) -> assertThat(ex.typeName()).isEqualTo(Node.class.getTypeName()));
	}

	@Test
	void mapWithFreeKeysShouldBeRefusedWithAClearError() {
		assertThatExceptionOfType(UnsupportedSchemaTypeException.class)
			.isThrownBy(() -> this.schemas.schema(FreeMap.class))
			.withMessageContaining("map with String keys")
			.withMessageContaining("additionalProperties: false");
	}

	@Test
	void untypedValuesShouldBeRefused() {
		assertThatExceptionOfType(UnsupportedSchemaTypeException.class)
			.isThrownBy(() -> this.schemas.schema(Untyped.class))
			.withMessageContaining("Object");
		assertThatExceptionOfType(UnsupportedSchemaTypeException.class)
			.isThrownBy(() -> this.schemas.schema(Tree.class))
			.withMessageContaining("JsonNode");
	}

	@Test
	void valueThatIsNotAnObjectShouldBeRefused() {
		assertThatExceptionOfType(UnsupportedSchemaTypeException.class)
			.isThrownBy(() -> this.schemas.schema(new TypeReference<List<Ingredient>>() {
			}.getType()))
			.withMessageContaining("wrap the value in a record");
		assertThatExceptionOfType(UnsupportedSchemaTypeException.class)
			.isThrownBy(() -> this.schemas.schema(String.class));
	}

	private static List<Error> validate(Schema schema, JsonNode instance) {
		return schema.validate(instance,
				(context) -> context.executionConfig((config) -> config.formatAssertionsEnabled(true)));
	}

	/**
	 * Checks a schema and its sub-schemas against the subset.
	 */
	private static void checkSubset(JsonNode schema, String path, List<String> violations) {
		if (!schema.isObject() || schema.isEmpty()) {
			violations.add(path + ": not a non-empty object");
			return;
		}
		for (String keyword : schema.propertyNames()) {
			if (!KEYWORDS.contains(keyword)) {
				violations.add(path + ": keyword " + keyword);
			}
		}
		List<String> types = new ArrayList<>();
		JsonNode type = schema.get("type");
		if (type != null) {
			(type.isArray() ? type.values() : List.of(type)).forEach((name) -> types.add(name.asString()));
			if (!TYPES.containsAll(types) || (types.size() == 2 && !types.contains("null")) || types.size() > 2) {
				violations.add(path + ": type " + type);
			}
		}
		else if (!schema.has("anyOf")) {
			violations.add(path + ": neither type nor anyOf");
		}
		if (types.contains("object")) {
			if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
				violations.add(path + ": additionalProperties is not false");
			}
			if (schema.path("properties").isEmpty()) {
				violations.add(path + ": an object without properties");
			}
			Set<String> required = new LinkedHashSet<>();
			schema.path("required").values().forEach((name) -> required.add(name.asString()));
			if (!required.isEmpty() && !required.equals(new LinkedHashSet<>(schema.path("properties").propertyNames()))) {
				violations.add(path + ": required " + required + " is not every property");
			}
			schema.path("properties")
				.properties()
				.forEach((property) -> checkSubset(property.getValue(), path + "/properties/" + property.getKey(),
						violations));
		}
		else if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")) {
			violations.add(path + ": object keywords on a " + types);
		}
		if (types.contains("array")) {
			checkSubset(schema.path("items"), path + "/items", violations);
		}
		else if (schema.has("items")) {
			violations.add(path + ": items on a " + types);
		}
		if (schema.has("format") && !(types.contains("string") && FORMATS.contains(schema.get("format").asString()))) {
			violations.add(path + ": format " + schema.get("format"));
		}
		if (schema.has("enum")) {
			schema.get("enum").values().forEach((value) -> {
				if (value.isContainer()) {
					violations.add(path + ": enum value " + value);
				}
			});
		}
		if (schema.has("anyOf")) {
			int index = 0;
			for (JsonNode member : schema.get("anyOf").values()) {
				checkSubset(member, path + "/anyOf/" + index++, violations);
			}
		}
	}

	record Scalars(String text, int count, long big, double ratio, boolean flag, BigDecimal price, char letter) {
	}

	enum Unit {

		@JsonProperty("g")
		GRAM, @JsonProperty("kg")
		KILOGRAM, @JsonProperty("l")
		LITRE;

		record Holder(Unit unit, List<Unit> units) {
		}

	}

	record Ingredient(String name, double amount, Unit unit) {
	}

	record Recipe(String title, List<Ingredient> ingredients, Ingredient liquid) {
	}

	record Collections(List<String> strings, Set<Integer> numbers, Ingredient[] ingredients,
			List<List<Boolean>> nested) {
	}

	record Optionals(Optional<String> note, Optional<Ingredient> garnish, Optional<Unit> unit,
			Optional<List<Integer>> counts) {
	}

	record Times(Instant instant, LocalDate date, LocalDateTime dateTime, LocalTime time, OffsetDateTime offsetDateTime,
			ZonedDateTime zonedDateTime, OffsetTime offsetTime, Duration duration, UUID id, URI link) {
	}

	@JsonClassDescription("A person")
	record Described(@JsonProperty("full_name") @JsonPropertyDescription("Given and family name") String fullName,
			int age) {
	}

	record Pantry(EnumMap<Unit, Integer> stock) {
	}

	record Page<T>(List<T> items, int total) {
	}

	record Node(String name, List<Node> children) {
	}

	record FreeMap(Map<String, Integer> counts) {
	}

	record Untyped(Object value) {
	}

	record Tree(JsonNode value) {
	}

}
