package io.github.openrouter.spring.messages.structured.internal;

import java.lang.reflect.Type;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.github.victools.jsonschema.module.jackson.JsonPropertySorter;
import io.github.openrouter.spring.messages.structured.JsonOutput;
import io.github.openrouter.spring.messages.structured.UnsupportedSchemaTypeException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies.NamingBase;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON schemas of Java types in the subset that Anthropic's structured outputs accept, generated
 * by victools' {@code jsonschema-generator} with its Jackson module and cached per type; the
 * subset is documented on {@link JsonOutput}.
 *
 * <p>
 * Shared by structured output (the answer's schema) and tools (a method's input schema); both
 * are JSON objects, so the schema of a type that is not written as an object is refused.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class TypeSchemas {

	private static final Map<Class<?>, @Nullable String> STRING_TYPES = stringTypes();

	private final SchemaGenerator generator;

	private final Map<Type, ObjectNode> schemas = new ConcurrentHashMap<>();

	/**
	 * Creates schemas that follow the mapper's view of types (names, naming strategy, enums).
	 * @param mapper the mapper that writes and reads the values the schemas describe
	 */
	public TypeSchemas(JsonMapper mapper) {
		this.generator = new SchemaGenerator(config(Objects.requireNonNull(mapper, "mapper")));
	}

	private static Map<Class<?>, @Nullable String> stringTypes() {
		Map<Class<?>, @Nullable String> types = new LinkedHashMap<>();
		types.put(Instant.class, "date-time");
		types.put(OffsetDateTime.class, "date-time");
		types.put(ZonedDateTime.class, "date-time");
		types.put(LocalDate.class, "date");
		types.put(Duration.class, "duration");
		types.put(UUID.class, "uuid");
		types.put(URI.class, "uri");
		types.put(LocalDateTime.class, null);
		types.put(LocalTime.class, null);
		types.put(OffsetTime.class, null);
		types.put(Period.class, null);
		types.put(Year.class, null);
		types.put(YearMonth.class, null);
		types.put(MonthDay.class, null);
		types.put(ZoneId.class, null);
		types.put(ZoneOffset.class, null);
		return types;
	}

	private static SchemaGeneratorConfig config(JsonMapper mapper) {
		SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.with(new JacksonSchemaModule())
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.INLINE_ALL_SCHEMAS)
			.without(Option.SCHEMA_VERSION_INDICATOR);
		builder.forTypesInGeneral()
			.withCustomDefinitionProvider(new SubsetDefinitions(mapper))
			// @JsonPropertyOrder first, then declaration order: the order the mapper writes.
			.withPropertySorter(new JsonPropertySorter(false));
		// The Jackson module reads @JsonProperty and @JsonNaming; the mapper's own strategy is ours to apply.
		// (A NamingBase, as every strategy of PropertyNamingStrategies, reads the name only.)
		if (mapper.serializationConfig().getPropertyNamingStrategy() instanceof NamingBase strategy) {
			builder.forFields()
				.withPropertyNameOverrideResolver(
						(field) -> strategy.nameForField(mapper.serializationConfig(), null, field.getDeclaredName()));
		}
		builder.forFields().withRequiredCheck((field) -> true);
		builder.forMethods().withRequiredCheck((method) -> true);
		return builder.build();
	}

	/**
	 * Returns the schema of a type, generating it on first use.
	 * @param type the type, such as a record class or a parameterized type
	 * @return a copy of the schema, free to change
	 * @throws UnsupportedSchemaTypeException if the type has no schema in the subset
	 */
	public ObjectNode schema(Type type) {
		Objects.requireNonNull(type, "type");
		return this.schemas.computeIfAbsent(type, this::generate).deepCopy();
	}

	private ObjectNode generate(Type type) {
		ObjectNode schema;
		try {
			// Once per type; the generator's configuration keeps state while it runs.
			synchronized (this.generator) {
				schema = this.generator.generateSchema(type);
			}
		}
		catch (Refusal ex) {
			throw new UnsupportedSchemaTypeException(type, ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			if (String.valueOf(ex.getMessage()).contains("circular reference")) {
				throw new UnsupportedSchemaTypeException(type,
						"it refers to itself, and structured outputs accept no recursive schema", ex);
			}
			throw new UnsupportedSchemaTypeException(type, String.valueOf(ex.getMessage()), ex);
		}
		if (!"object".equals(schema.path("type").asString(null))) {
			throw new UnsupportedSchemaTypeException(type, "the schema of an answer or of a tool's input is a JSON "
					+ "object; wrap the value in a record");
		}
		tidy(schema);
		return schema;
	}

	/**
	 * Removes what the generator adds beside a schema that is not an object, such as the
	 * {@code additionalProperties} next to the {@code anyOf} of a nullable enum.
	 */
	private static void tidy(ObjectNode schema) {
		if (schema.has("additionalProperties") && !describesObject(schema)) {
			schema.remove("additionalProperties");
		}
		for (JsonNode property : schema.path("properties").values()) {
			tidy((ObjectNode) property);
		}
		if (schema.get("items") instanceof ObjectNode items) {
			tidy(items);
		}
		for (JsonNode member : schema.path("anyOf").values()) {
			tidy((ObjectNode) member);
		}
	}

	private static boolean describesObject(ObjectNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode name : type.values()) {
				if ("object".equals(name.asString())) {
					return true;
				}
			}
			return false;
		}
		return "object".equals(type.asString(null));
	}

	/**
	 * Schemas of the types that the generator would describe outside the subset: value types
	 * written as strings, maps, and untyped values.
	 */
	private static final class SubsetDefinitions implements CustomDefinitionProviderV2 {

		private final JsonMapper mapper;

		SubsetDefinitions(JsonMapper mapper) {
			this.mapper = mapper;
		}

		@Override
		public @Nullable CustomDefinition provideCustomSchemaDefinition(ResolvedType javaType,
				SchemaGenerationContext context) {
			Class<?> erased = javaType.getErasedType();
			if (STRING_TYPES.containsKey(erased)) {
				ObjectNode schema = context.getGeneratorConfig().createObjectNode().put("type", "string");
				String format = STRING_TYPES.get(erased);
				if (format != null) {
					schema.put("format", format);
				}
				return new CustomDefinition(schema, CustomDefinition.DefinitionType.INLINE,
						CustomDefinition.AttributeInclusion.YES);
			}
			if (erased.isEnum()) {
				return enumDefinition(erased, context);
			}
			if (Map.class.isAssignableFrom(erased)) {
				return mapDefinition(javaType, context);
			}
			if (erased == Object.class || JsonNode.class.isAssignableFrom(erased)) {
				throw new Refusal("a value of type " + erased.getSimpleName() + " has no type to constrain");
			}
			return null;
		}

		private CustomDefinition mapDefinition(ResolvedType javaType, SchemaGenerationContext context) {
			ResolvedType keyType = javaType.typeParametersFor(Map.class).get(0);
			ResolvedType valueType = javaType.typeParametersFor(Map.class).get(1);
			if (!keyType.isInstanceOf(Enum.class)) {
				throw new Refusal("a map with " + keyType.getErasedType().getSimpleName() + " keys is an object with free "
								+ "property names, and structured outputs need additionalProperties: false; "
								+ "use a map with enum keys or a list of records");
			}
			ObjectNode schema = context.getGeneratorConfig().createObjectNode().put("type", "object");
			ObjectNode properties = schema.putObject("properties");
			for (Object constant : keyType.getErasedType().getEnumConstants()) {
				properties.set(keyName(constant), context.createDefinitionReference(valueType));
			}
			schema.put("additionalProperties", false);
			return new CustomDefinition(schema, CustomDefinition.DefinitionType.INLINE,
					CustomDefinition.AttributeInclusion.YES);
		}

		private CustomDefinition enumDefinition(Class<?> enumType, SchemaGenerationContext context) {
			ObjectNode schema = context.getGeneratorConfig().createObjectNode().put("type", "string");
			ArrayNode values = schema.putArray("enum");
			for (Object constant : enumType.getEnumConstants()) {
				values.add(this.mapper.valueToTree(constant));
			}
			return new CustomDefinition(schema, CustomDefinition.DefinitionType.INLINE,
					CustomDefinition.AttributeInclusion.YES);
		}

		private String keyName(Object constant) {
			ObjectNode written = this.mapper.valueToTree(Map.of(constant, 0));
			return written.propertyNames().iterator().next();
		}

	}

	/**
	 * Ends the generation of a schema from inside the generator; the reason names the part of
	 * the type that has no schema.
	 */
	private static final class Refusal extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refusal(String reason) {
			super(reason, null, false, false);
		}

	}

}
