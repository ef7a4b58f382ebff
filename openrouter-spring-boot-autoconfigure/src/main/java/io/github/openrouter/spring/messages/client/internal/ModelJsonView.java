package io.github.openrouter.spring.messages.client.internal;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads parts of request model values the way their JSON shows them, without serializing them, so
 * that {@link RequestValidator} can apply JSON-shaped rules to the typed request.
 *
 * <p>
 * A value is seen through Jackson's own serialization view of its class (property names,
 * {@code @JsonValue}, any-getter), found once per class with a plain mapper like the client's. A
 * value whose JSON that view cannot predict (a custom serializer, polymorphic type info, an enum,
 * anything that is not a plain bean) is converted to a tree instead, so the answer is always the one
 * the JSON would give. Resolved values are {@code null} (absent), a {@link JsonNode}, a
 * {@link String}, a {@link Number}, a {@link Boolean}, a {@link Map} or a plain bean.
 */
final class ModelJsonView {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final ClassValue<Shape> SHAPES = new ClassValue<>() {

		@Override
		protected Shape computeValue(Class<?> type) {
			return Shape.of(type);
		}

	};

	private ModelJsonView() {
	}

	/**
	 * Returns a value as it appears in JSON, unwrapping {@code @JsonValue} and converting what the
	 * bean view cannot predict to a tree.
	 * @param value the value
	 * @return the resolved value, {@code null} when it is written as {@code null}
	 */
	static @Nullable Object resolve(@Nullable Object value) {
		Object current = value;
		for (int depth = 0; depth < 16; depth++) {
			if (current == null || current instanceof JsonNode || current instanceof String
					|| current instanceof Number || current instanceof Boolean || current instanceof Map) {
				return current;
			}
			Shape shape = SHAPES.get(current.getClass());
			if (shape.kind == Kind.BEAN) {
				return current;
			}
			if (shape.kind != Kind.DELEGATING) {
				break;
			}
			current = shape.jsonValue(current);
		}
		return MAPPER.valueToTree(current);
	}

	/**
	 * Returns one property of the JSON object a value is written as.
	 * @param value the value (resolved or not)
	 * @param name the JSON property name
	 * @return the resolved property value, or {@code null} when absent or the value is not an object
	 */
	static @Nullable Object property(@Nullable Object value, String name) {
		Object resolved = resolve(value);
		if (resolved instanceof JsonNode node) {
			return node.get(name);
		}
		if (resolved instanceof Map<?, ?> map) {
			return resolve(map.get(name));
		}
		if (resolved != null && !(resolved instanceof String) && !(resolved instanceof Number)
				&& !(resolved instanceof Boolean)) {
			return resolve(SHAPES.get(resolved.getClass()).property(resolved, name));
		}
		return null;
	}

	/**
	 * Whether a value is written as a JSON object.
	 * @param value the value (resolved or not)
	 * @return whether it is an object
	 */
	static boolean isObject(@Nullable Object value) {
		Object resolved = resolve(value);
		if (resolved instanceof JsonNode node) {
			return node.isObject();
		}
		return resolved instanceof Map || (resolved != null && !(resolved instanceof String)
				&& !(resolved instanceof Number) && !(resolved instanceof Boolean));
	}

	/**
	 * Whether a resolved value is absent: missing, or written as {@code null}.
	 * @param resolved the resolved value
	 * @return whether it is absent
	 */
	static boolean isAbsent(@Nullable Object resolved) {
		return resolved == null
				|| (resolved instanceof JsonNode node && (node.isNull() || node.isMissingNode()));
	}

	/**
	 * Returns the string a resolved value is written as, or {@code null} when it is not a JSON string.
	 * @param resolved the resolved value
	 * @return the string or {@code null}
	 */
	static @Nullable String string(@Nullable Object resolved) {
		if (resolved instanceof String text) {
			return text;
		}
		if (resolved instanceof JsonNode node && node.isString()) {
			return node.asString();
		}
		return null;
	}

	/**
	 * Mirrors {@code node.path(name).asString("")} for the comparisons the validator makes with
	 * known words.
	 * @param resolved the resolved value
	 * @return its text, or the empty string
	 */
	static String stringOrEmpty(@Nullable Object resolved) {
		if (resolved instanceof String text) {
			return text;
		}
		if (resolved instanceof JsonNode node) {
			return node.asString("");
		}
		return "";
	}

	/**
	 * Whether a resolved value is written as a JSON integer.
	 * @param resolved the resolved value
	 * @return whether it is integral
	 */
	static boolean isIntegral(@Nullable Object resolved) {
		if (resolved instanceof JsonNode node) {
			return node.isIntegralNumber();
		}
		return resolved instanceof Integer || resolved instanceof Long || resolved instanceof Short
				|| resolved instanceof Byte || resolved instanceof BigInteger || resolved instanceof AtomicInteger
				|| resolved instanceof AtomicLong;
	}

	/**
	 * Returns the {@code long} value of a resolved number, as {@link JsonNode#longValue()} would.
	 * @param resolved the resolved integral value
	 * @return its value
	 */
	static long longValue(Object resolved) {
		return (resolved instanceof JsonNode node) ? node.longValue() : ((Number) resolved).longValue();
	}

	/**
	 * Returns a value's JSON text, as {@link JsonNode#toString()} of its tree; for error messages.
	 * @param value the value
	 * @return the JSON text
	 */
	static String text(@Nullable Object value) {
		return (value instanceof JsonNode node) ? node.toString() : MAPPER.valueToTree(value).toString();
	}

	/**
	 * Returns a value's JSON tree; for the rare rules that need an object's full key set.
	 * @param value the value
	 * @return the tree
	 */
	static JsonNode tree(@Nullable Object value) {
		return (value instanceof JsonNode node) ? node : MAPPER.valueToTree(value);
	}

	private enum Kind {

		/** Written through its properties. */
		BEAN,

		/** Written as the value of its {@code @JsonValue} accessor. */
		DELEGATING,

		/** Not predictable from the bean view: converted to a tree. */
		OTHER

	}

	/**
	 * Jackson's serialization view of one class.
	 */
	private static final class Shape {

		private static final Shape OTHER = new Shape(Kind.OTHER, null, Map.of(), null);

		private final Kind kind;

		private final @Nullable AnnotatedMember jsonValue;

		private final Map<String, AnnotatedMember> properties;

		private final @Nullable AnnotatedMember anyGetter;

		private Shape(Kind kind, @Nullable AnnotatedMember jsonValue, Map<String, AnnotatedMember> properties,
				@Nullable AnnotatedMember anyGetter) {
			this.kind = kind;
			this.jsonValue = jsonValue;
			this.properties = properties;
			this.anyGetter = anyGetter;
		}

		static Shape of(Class<?> type) {
			if (type.isEnum() || type.isArray() || type.isPrimitive() || Iterable.class.isAssignableFrom(type)
					|| type.getName().startsWith("java.")) {
				return OTHER;
			}
			try {
				SerializationContext context = MAPPER._serializationContext();
				BeanDescription description = context.introspectBeanDescription(MAPPER.constructType(type));
				if (description.getClassInfo().hasAnnotation(JsonSerialize.class)
						|| description.getClassInfo().hasAnnotation(JsonTypeInfo.class)) {
					return OTHER;
				}
				AnnotatedMember jsonValue = description.findJsonValueAccessor();
				if (jsonValue != null) {
					jsonValue.fixAccess(true);
					return new Shape(Kind.DELEGATING, jsonValue, Map.of(), null);
				}
				if (!isNullOnly(description.findPropertyInclusion(JsonInclude.Value.empty()))) {
					return OTHER;
				}
				Map<String, AnnotatedMember> properties = new LinkedHashMap<>();
				for (BeanPropertyDefinition property : description.findProperties()) {
					AnnotatedMember accessor = property.getAccessor();
					if (accessor == null || !property.couldSerialize()) {
						continue;
					}
					if (accessor.hasAnnotation(JsonSerialize.class) || accessor.hasAnnotation(JsonUnwrapped.class)
							|| !isNullOnly(property.findInclusion())) {
						return OTHER;
					}
					accessor.fixAccess(true);
					properties.put(property.getName(), accessor);
				}
				AnnotatedMember anyGetter = description.findAnyGetter();
				if (anyGetter != null) {
					anyGetter.fixAccess(true);
				}
				else if (properties.isEmpty()) {
					return OTHER;
				}
				return new Shape(Kind.BEAN, null, Collections.unmodifiableMap(properties), anyGetter);
			}
			catch (RuntimeException ex) {
				return OTHER;
			}
		}

		/**
		 * Whether an inclusion rule leaves out at most {@code null} values, which read as absent
		 * either way; other rules (e.g. {@code NON_EMPTY}) could leave out present values.
		 */
		private static boolean isNullOnly(JsonInclude.@Nullable Value inclusion) {
			if (inclusion == null) {
				return true;
			}
			JsonInclude.Include include = inclusion.getValueInclusion();
			return include == JsonInclude.Include.ALWAYS || include == JsonInclude.Include.NON_NULL
					|| include == JsonInclude.Include.NON_ABSENT || include == JsonInclude.Include.USE_DEFAULTS;
		}

		@Nullable Object jsonValue(Object value) {
			return this.jsonValue.getValue(value);
		}

		@Nullable Object property(Object bean, String name) {
			AnnotatedMember accessor = this.properties.get(name);
			if (accessor != null) {
				return accessor.getValue(bean);
			}
			if (this.anyGetter != null && this.anyGetter.getValue(bean) instanceof Map<?, ?> extra) {
				return extra.get(name);
			}
			return null;
		}

	}

}
