package io.github.openrouter.spring.messages.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates JSON documents against named schemas of OpenRouter's OpenAPI document (the
 * {@code /messages} extract in {@code spec/messages-openapi.json}).
 *
 * <p>
 * OpenAPI 3.1 schemas are JSON Schema 2020-12 plus a few annotation keywords; the whole
 * document is loaded as the schema resource, so every {@code $ref: '#/components/schemas/...'}
 * resolves against it. Validation uses the plain 2020-12 dialect with {@code discriminator},
 * {@code example} and the vendor extensions ({@code x-...}) registered as annotations: in
 * OpenAPI 3.1 a discriminator is only a hint and {@code oneOf}/{@code anyOf} decide validity,
 * and the validator's OpenAPI 3.1 dialect (3.0.9) wrongly rejects a valid member of a
 * {@code oneOf} when an earlier member has a nested discriminator (e.g. a {@code document}
 * block with a {@code content} source, because the {@code image} member's {@code source}
 * carries a discriminator).
 */
final class OpenApiSchemas {

	static final String RESOURCE = "spec/messages-openapi.json";

	private static final OpenApiSchemas INSTANCE = new OpenApiSchemas();

	private final JsonNode document;

	private final SchemaRegistry registry;

	private final ConcurrentMap<String, Schema> schemas = new ConcurrentHashMap<>();

	private OpenApiSchemas() {
		this.document = readDocument();
		Dialect.Builder dialect = Dialect.builder(Dialects.getDraft202012());
		dialect.keyword(new AnnotationKeyword("discriminator"));
		dialect.keyword(new AnnotationKeyword("example"));
		for (String extension : vendorExtensions(this.document)) {
			dialect.keyword(new AnnotationKeyword(extension));
		}
		this.registry = SchemaRegistry.withDialect(dialect.build());
	}

	static OpenApiSchemas get() {
		return INSTANCE;
	}

	/**
	 * Returns the whole OpenAPI document.
	 * @return the document root
	 */
	JsonNode document() {
		return this.document;
	}

	/**
	 * Returns the raw schema node {@code #/components/schemas/<name>}.
	 * @param name the schema name
	 * @return the schema node
	 */
	JsonNode schemaNode(String name) {
		JsonNode node = this.document.path("components").path("schemas").path(name);
		if (node.isMissingNode()) {
			throw new IllegalArgumentException("No schema '" + name + "' in " + RESOURCE);
		}
		return node;
	}

	/**
	 * Validates a document against {@code #/components/schemas/<name>}.
	 * @param name the schema name, e.g. {@code MessagesRequest}
	 * @param instance the JSON document
	 * @return one readable line per violation; empty when the document is valid
	 */
	List<String> validate(String name, JsonNode instance) {
		schemaNode(name);
		return validateAt("/components/schemas/" + name, instance);
	}

	/**
	 * Validates a document against the schema at a JSON pointer into the OpenAPI document,
	 * e.g. one member of a union.
	 * @param pointer the JSON pointer, e.g. {@code /components/schemas/MessagesRequest/properties/system/anyOf/0}
	 * @param instance the JSON document
	 * @return one readable line per violation; empty when the document is valid
	 */
	List<String> validateAt(String pointer, JsonNode instance) {
		if (this.document.at(pointer).isMissingNode()) {
			throw new IllegalArgumentException("No schema at '" + pointer + "' in " + RESOURCE);
		}
		Schema schema = this.schemas.computeIfAbsent(pointer,
				(key) -> this.registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + key)));
		List<String> violations = new ArrayList<>();
		for (Error error : schema.validate(instance)) {
			violations.add(error.getInstanceLocation() + " [" + error.getKeyword() + " at "
					+ error.getEvaluationPath() + "] " + error.getMessage());
		}
		return violations;
	}

	private static JsonNode readDocument() {
		try (InputStream input = OpenApiSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (input == null) {
				throw new IllegalStateException(RESOURCE + " is not on the test classpath");
			}
			return JsonMapper.builder().build().readTree(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> vendorExtensions(JsonNode node) {
		Set<String> extensions = new TreeSet<>();
		collectVendorExtensions(node, extensions);
		return extensions;
	}

	private static void collectVendorExtensions(JsonNode node, Set<String> extensions) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				if (name.startsWith("x-")) {
					extensions.add(name);
				}
				collectVendorExtensions(node.get(name), extensions);
			}
		}
		else if (node.isArray()) {
			for (JsonNode item : node) {
				collectVendorExtensions(item, extensions);
			}
		}
	}

}
