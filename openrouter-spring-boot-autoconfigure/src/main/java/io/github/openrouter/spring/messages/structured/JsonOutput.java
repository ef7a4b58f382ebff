package io.github.openrouter.spring.messages.structured;

import java.lang.reflect.Type;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The Java type an answer should be parsed into, and how: the JSON schema sent as
 * {@code output_config.format}, whether the answer is validated against it, and how many
 * attempts a corrective retry may take.
 *
 * <p>
 * By default the schema is generated from the type (once per type), the answer is only parsed,
 * and there is one attempt. Instances are immutable; keep them in constants.
 *
 * <p>
 * The generated schema is in the subset that Anthropic's structured outputs accept, and a JSON
 * object: a type written otherwise (a list, a string) is refused; wrap it in a record. The
 * schema uses only these keywords: {@code type} (a name, or a name and {@code "null"}),
 * {@code properties}, {@code required}, {@code additionalProperties} (always {@code false}),
 * {@code items}, {@code enum}, {@code anyOf} (a nullable enum only), {@code format} and
 * {@code description}. In detail:
 * <ul>
 * <li>records and beans become objects with every property required and
 * {@code additionalProperties: false}; names, order and descriptions follow Jackson's
 * annotations ({@code @JsonProperty}, {@code @JsonPropertyOrder},
 * {@code @JsonPropertyDescription}, {@code @JsonClassDescription}, {@code @JsonIgnore}) and
 * the mapper's naming strategy;</li>
 * <li>an {@code Optional<T>} property is required too, and nullable (type {@code [T, "null"]},
 * or {@code anyOf} with {@code null} for an enum), which matches the {@code null} the mapper
 * writes for an empty optional; other properties are not nullable;</li>
 * <li>collections and arrays become {@code array} with {@code items};</li>
 * <li>enums become strings with {@code enum}, spelled as the mapper writes them;</li>
 * <li>{@code Instant}, {@code OffsetDateTime} and {@code ZonedDateTime} are strings of
 * {@code format: date-time}, {@code LocalDate} of {@code date}, {@code Duration} of
 * {@code duration}, {@code UUID} of {@code uuid} and {@code URI} of {@code uri}; the other
 * {@code java.time} values are plain strings, as what the mapper writes for them fits no format
 * of the subset (no offset, or no seconds);</li>
 * <li>a map with enum keys becomes an object with one optional property per constant; a map
 * with other keys has no schema in the subset (objects must forbid additional properties), so
 * it is refused with {@link UnsupportedSchemaTypeException}, as are recursive types (the subset
 * has no recursion), {@code Object} and {@code JsonNode} (no type to constrain);</li>
 * <li>there is no {@code $schema}, {@code $defs} or {@code $ref} (every schema is inline, which
 * some providers behind OpenRouter need), and no numeric, length or pattern constraint.</li>
 * </ul>
 *
 * <pre class="code">
 * JsonOutput&lt;Recipe&gt; recipe = JsonOutput.of(Recipe.class);
 * JsonOutput&lt;Page&lt;Recipe&gt;&gt; page = JsonOutput.of(new TypeReference&lt;Page&lt;Recipe&gt;&gt;() { })
 *     .withValidation()
 *     .withMaxAttempts(3);
 * </pre>
 *
 * @param <T> the type of the answer
 * @since 0.1.0
 */
public final class JsonOutput<T> {

	private final Type type;

	private final @Nullable JsonNode schema;

	private final boolean validation;

	private final int maxAttempts;

	private JsonOutput(Type type, @Nullable JsonNode schema, boolean validation, int maxAttempts) {
		this.type = Objects.requireNonNull(type, "type");
		this.schema = schema;
		this.validation = validation;
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Returns an output of a class, such as a record.
	 * @param <T> the type of the answer
	 * @param type the class
	 * @return the output, with a generated schema, no validation and one attempt
	 */
	public static <T> JsonOutput<T> of(Class<T> type) {
		return new JsonOutput<>(type, null, false, 1);
	}

	/**
	 * Returns an output of a generic type, such as {@code Page<Recipe>}.
	 * @param <T> the type of the answer
	 * @param type the type, captured by an anonymous subclass of Jackson's {@link TypeReference}
	 * @return the output, with a generated schema, no validation and one attempt
	 */
	public static <T> JsonOutput<T> of(TypeReference<T> type) {
		return new JsonOutput<>(type.getType(), null, false, 1);
	}

	/**
	 * Returns a copy that sends the given schema instead of the generated one. The schema is
	 * sent as is: keep it in the subset the provider accepts.
	 * @param schema the JSON schema of the answer
	 * @return the new output
	 */
	public JsonOutput<T> withSchema(JsonNode schema) {
		Objects.requireNonNull(schema, "schema");
		return new JsonOutput<>(this.type, schema.deepCopy(), this.validation, this.maxAttempts);
	}

	/**
	 * Returns a copy that validates the answer against the schema before parsing it; an answer
	 * that breaks it ends in {@link OutputValidationException}. Needs
	 * {@code com.networknt:json-schema-validator} on the class path. Off by default: providers
	 * that enforce the schema while generating make it redundant.
	 * @return the new output
	 */
	public JsonOutput<T> withValidation() {
		return new JsonOutput<>(this.type, this.schema, true, this.maxAttempts);
	}

	/**
	 * Returns a copy that retries an answer that cannot be parsed (or fails validation): the
	 * answer and the error go back to the model in a next request, until one parses or
	 * {@code maxAttempts} calls were made. Refusals and answers cut by {@code max_tokens} are
	 * not retried. Applies to {@code create}; a stream makes one attempt.
	 * @param maxAttempts calls in total, at least 1; 1 (the default) means no retry
	 * @return the new output
	 */
	public JsonOutput<T> withMaxAttempts(int maxAttempts) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		return new JsonOutput<>(this.type, this.schema, this.validation, maxAttempts);
	}

	/**
	 * Returns the type of the answer.
	 * @return the class or parameterized type
	 */
	public Type type() {
		return this.type;
	}

	/**
	 * Returns the schema given with {@link #withSchema(JsonNode)}.
	 * @return a copy of the schema, or {@code null} when it is generated from the type
	 */
	public @Nullable JsonNode schema() {
		return (this.schema != null) ? this.schema.deepCopy() : null;
	}

	/**
	 * Returns whether the answer is validated against the schema.
	 * @return {@code true} after {@link #withValidation()}
	 */
	public boolean validation() {
		return this.validation;
	}

	/**
	 * Returns how many calls a corrective retry may make in total.
	 * @return at least 1
	 */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	@Override
	public String toString() {
		return "JsonOutput[type=" + this.type.getTypeName() + ", schema=" + ((this.schema != null) ? "given" : "generated")
				+ ", validation=" + this.validation + ", maxAttempts=" + this.maxAttempts + "]";
	}

}
