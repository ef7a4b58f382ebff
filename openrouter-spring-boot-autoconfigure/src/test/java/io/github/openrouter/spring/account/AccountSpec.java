package io.github.openrouter.spring.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extract of OpenRouter's OpenAPI document with the account routes
 * ({@code spec/account/account-openapi.json}, see the {@code SOURCE.md} beside it), and the
 * comparison of an answer with what the client made of it.
 */
final class AccountSpec {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final JsonMapper NON_NULL = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private static final JsonNode SPEC = MAPPER.readTree(resource("spec/account/account-openapi.json"));

	private AccountSpec() {
	}

	/**
	 * Returns the example answer of a route for a status, as JSON text.
	 * @param path the route, for example {@code /key}
	 * @param status the status, for example {@code 200}
	 * @return the example
	 */
	static String example(String path, int status) {
		JsonNode example = SPEC.path("paths")
			.path(path)
			.path("get")
			.path("responses")
			.path(String.valueOf(status))
			.path("content")
			.path("application/json")
			.path("example");
		if (example.isMissingNode()) {
			throw new IllegalArgumentException("No example for " + status + " of " + path);
		}
		return MAPPER.writeValueAsString(example);
	}

	/**
	 * Returns the object schema of the {@code data} member of a route's 200 answer.
	 * @param path the route
	 * @return the schema
	 */
	static JsonNode dataSchema(String path) {
		JsonNode schema = SPEC.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content/application~1json/schema");
		return resolve(resolve(schema).path("properties").path("data"));
	}

	/**
	 * Returns a schema of {@code components.schemas}.
	 * @param name the schema's name
	 * @return the schema
	 */
	static JsonNode schema(String name) {
		return SPEC.path("components").path("schemas").path(name);
	}

	static JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : schema(ref.substring(ref.lastIndexOf('/') + 1));
	}

	/**
	 * Returns a fixture of this module's test resources as text.
	 * @param name the resource name
	 * @return the text
	 */
	static String resource(String name) {
		try (InputStream in = AccountSpec.class.getClassLoader().getResourceAsStream(name)) {
			Objects.requireNonNull(in, name);
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Tells whether what the client read holds every value of the answer's {@code data}: the
	 * record written back as JSON equals the answer, numbers compared by value and times by the
	 * instant, {@code null}s and fields the records do not know left out.
	 * @param answer the answer's JSON text
	 * @param read what the client made of it
	 * @return whether they are equal
	 */
	static boolean holdsEveryValue(String answer, Object read) {
		JsonNode data = MAPPER.readTree(answer).path("data");
		JsonNode written = NON_NULL.valueToTree(read);
		return data.properties()
			.stream()
			.filter((field) -> written.has(field.getKey()))
			.allMatch((field) -> field.getValue().equals(SAME_VALUE, written.get(field.getKey())))
				&& written.properties().stream().allMatch((field) -> data.has(field.getKey()));
	}

	private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
		if (a.isNumber() && b.isNumber()) {
			return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString()));
		}
		if (a.isString() && b.isString()) {
			return (a.asString().equals(b.asString()) || sameInstant(a.asString(), b.asString())) ? 0 : 1;
		}
		return a.equals(b) ? 0 : 1;
	};

	private static boolean sameInstant(String a, String b) {
		try {
			return OffsetDateTime.parse(a).isEqual(OffsetDateTime.parse(b));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
