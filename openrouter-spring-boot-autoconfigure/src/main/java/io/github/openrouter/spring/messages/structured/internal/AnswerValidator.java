package io.github.openrouter.spring.messages.structured.internal;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import org.springframework.util.ClassUtils;

/**
 * Validates answers against one JSON schema (2020-12, formats asserted) with networknt's
 * {@code json-schema-validator}, an optional dependency loaded only when validation is asked for.
 */
final class AnswerValidator {

	private static final String VALIDATOR_CLASS = "com.networknt.schema.SchemaRegistry";

	private final Schema schema;

	private AnswerValidator(Schema schema) {
		this.schema = schema;
	}

	/**
	 * Returns a validator for a schema.
	 * @param schema the JSON schema
	 * @return the validator
	 * @throws IllegalStateException if the validator library is not on the class path
	 */
	static AnswerValidator of(JsonNode schema) {
		if (!ClassUtils.isPresent(VALIDATOR_CLASS, AnswerValidator.class.getClassLoader())) {
			throw new IllegalStateException("JsonOutput.withValidation() needs com.networknt:json-schema-validator "
					+ "on the class path");
		}
		return new AnswerValidator(Registry.INSTANCE.getSchema(schema));
	}

	/**
	 * Validates an answer.
	 * @param answer the answer's JSON
	 * @return one line per violation, empty when the answer is valid
	 */
	List<String> validate(JsonNode answer) {
		List<String> violations = new ArrayList<>();
		for (Error error : this.schema.validate(answer,
				(context) -> context.executionConfig((config) -> config.formatAssertionsEnabled(true)))) {
			violations.add(error.getInstanceLocation() + ": " + error.getMessage());
		}
		return violations;
	}

	/**
	 * Holds the registry, created when the first validator is.
	 */
	private static final class Registry {

		static final SchemaRegistry INSTANCE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	}

}
