package io.github.openrouter.spring.messages.conformance;

import java.util.List;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.conformance.Fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the raw JSON fixtures validate against the schemas of the OpenAPI document:
 * the harness and the fixtures agree before any model type is involved.
 */
class OpenRouterSpecFixtureSchemaTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Fixture> specExamples() {
		return Fixtures.list("openrouter-spec/*.json").stream();
	}

	@Test
	void shouldFindEverySpecExample() {
		assertThat(specExamples().map(Fixture::fileName)).contains("request.example.json",
				"schema-example.MessagesRequest.json", "response-200.example.json",
				"schema-example.MessagesResult.json", "response-200-sse-event.example.json", "error-529.example.json")
			.hasSizeGreaterThanOrEqualTo(30);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("specExamples")
	void specExampleValidatesAgainstItsSchema(Fixture fixture) {
		String schema = schemaFor(fixture.fileName());
		List<String> violations = OpenApiSchemas.get().validate(schema, this.mapper.readTree(fixture.content()));
		assertThat(violations).as("%s against %s", fixture, schema).isEmpty();
	}

	@Test
	void shouldValidateDocsErrorEnvelopeAgainstErrorResponse() {
		Fixture fixture = Fixtures.get("openrouter-docs/anthropic-error-envelope.nonstreaming.json");
		assertThat(OpenApiSchemas.get()
			.validate("AnthropicMessagesErrorResponse", this.mapper.readTree(fixture.content()))).isEmpty();
	}

	@Test
	void shouldValidateDocsMidstreamErrorAgainstErrorEvent() {
		Fixture fixture = Fixtures.get("openrouter-docs/anthropic-error-event.midstream.json");
		assertThat(OpenApiSchemas.get().validate("MessagesErrorEvent", this.mapper.readTree(fixture.content())))
			.isEmpty();
	}

	/**
	 * Maps a fixture file of {@code openrouter-spec/} to the schema its example belongs to.
	 * @param fileName the file name
	 * @return the schema name under {@code #/components/schemas/}
	 */
	static String schemaFor(String fileName) {
		if (fileName.startsWith("schema-example.")) {
			return fileName.substring("schema-example.".length(), fileName.length() - ".json".length());
		}
		if (fileName.equals("request.example.json")) {
			return "MessagesRequest";
		}
		if (fileName.equals("response-200.example.json")) {
			return "MessagesResult";
		}
		if (fileName.equals("response-200-sse-event.example.json")) {
			return "MessagesStreamingResponse";
		}
		if (fileName.startsWith("error-")) {
			return "AnthropicMessagesErrorResponse";
		}
		throw new IllegalArgumentException("No schema known for fixture " + fileName);
	}

}
