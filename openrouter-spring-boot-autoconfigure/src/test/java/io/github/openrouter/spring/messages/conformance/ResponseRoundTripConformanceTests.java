package io.github.openrouter.spring.messages.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.conformance.Fixtures.Fixture;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests for {@link MessageResponse} and {@link StreamEvent}: every response and
 * event example, parsed and written back with a plain Jackson 3 mapper, still validates
 * against its schema ({@code MessagesResult}, {@code Messages*Event}) and equals the original
 * (absent and {@code null} counted equal).
 *
 * <p>
 * Known model gap, normalised here and pinned by
 * {@link #shouldDropOnlyTheKnownSpecRequiredNulls()}: {@code TextBlock.citations} is
 * spec-required (nullable) in {@code MessagesResult} but written only when non-null (the model
 * leaves it out on purpose, as Anthropic does), so a response carrying {@code "citations": null}
 * does not validate after a round trip until the null is put back. The citations' own
 * required-nullable titles ({@code document_title}, {@code title}) are always written; their
 * {@code file_id} is written only when set, because the request citation schemas do not declare
 * it and a replayed citation must stay valid, so a {@code "file_id": null} is normalised too.
 */
class ResponseRoundTripConformanceTests {

	private static final Set<String> KNOWN_DROPPED_REQUIRED_NULLS = Set.of("citations", "file_id");

	static Stream<Fixture> responses() {
		return Stream.of(Fixtures.list("openrouter-spec/response-200.example.json"),
				Fixtures.list("openrouter-spec/schema-example.MessagesResult.json"),
				Fixtures.list("conformance/responses/*.json"))
			.flatMap(List::stream);
	}

	static Stream<Fixture> events() {
		return Fixtures.list("openrouter-spec/schema-example.Messages*Event.json").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responses")
	void roundTrippedResponseValidatesAgainstMessagesResult(Fixture fixture) {
		JsonNode original = JsonTrees.mapper.readTree(fixture.content());
		JsonNode written = JsonTrees.wire(JsonTrees.mapper.treeToValue(original, MessageResponse.class));
		restoreDroppedNulls(original, written, "", new ArrayList<>());
		assertThat(OpenApiSchemas.get().validate("MessagesResult", written)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responses")
	void roundTrippedResponseEqualsTheOriginal(Fixture fixture) {
		JsonNode original = JsonTrees.mapper.readTree(fixture.content());
		MessageResponse response = JsonTrees.mapper.treeToValue(original, MessageResponse.class);
		assertThat(JsonTrees.withoutNulls(JsonTrees.wire(response))).isEqualTo(JsonTrees.withoutNulls(original));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void roundTrippedEventValidatesAgainstItsSchema(Fixture fixture) {
		String schema = OpenRouterSpecFixtureSchemaTests.schemaFor(fixture.fileName());
		StreamEvent event = JsonTrees.mapper.readValue(fixture.content(), StreamEvent.class);
		assertThat(OpenApiSchemas.get().validate(schema, JsonTrees.wire(event))).isEmpty();
	}

	@Test
	void shouldDropOnlyTheKnownSpecRequiredNulls() {
		Set<String> dropped = new TreeSet<>();
		responses().forEach((fixture) -> {
			JsonNode original = JsonTrees.mapper.readTree(fixture.content());
			JsonNode written = JsonTrees.wire(JsonTrees.mapper.treeToValue(original, MessageResponse.class));
			List<String> paths = new ArrayList<>();
			restoreDroppedNulls(original, written, "", paths);
			assertThat(OpenApiSchemas.get().validate("MessagesResult", written)).isEmpty();
			for (String path : paths) {
				// a dropped null matters only if the result is invalid without it
				JsonNode copy = written.deepCopy();
				int slash = path.lastIndexOf('/');
				((ObjectNode) copy.at(path.substring(0, slash))).remove(path.substring(slash + 1));
				if (!OpenApiSchemas.get().validate("MessagesResult", copy).isEmpty()) {
					dropped.add(path.substring(slash + 1));
				}
			}
		});
		// When the model writes these nulls, this fails: delete the normalisation then.
		assertThat(dropped).as("fields written back without their explicit null")
			.isEqualTo(KNOWN_DROPPED_REQUIRED_NULLS);
	}

	/**
	 * Puts back every explicit {@code null} of the original that the written tree left out.
	 * @param original the parsed fixture
	 * @param written the round-tripped tree (modified in place)
	 * @param path the JSON pointer of both nodes
	 * @param restored receives the pointers of the restored fields
	 */
	private static void restoreDroppedNulls(JsonNode original, JsonNode written, String path, List<String> restored) {
		if (original.isObject() && written.isObject()) {
			for (String name : original.propertyNames()) {
				JsonNode value = original.get(name);
				if (value.isNull() && !written.has(name)) {
					((ObjectNode) written).putNull(name);
					restored.add(path + "/" + name);
				}
				else if (written.has(name)) {
					restoreDroppedNulls(value, written.get(name), path + "/" + name, restored);
				}
			}
		}
		else if (original.isArray() && written.isArray() && original.size() == written.size()) {
			for (int i = 0; i < original.size(); i++) {
				restoreDroppedNulls(original.get(i), written.get(i), path + "/" + i, restored);
			}
		}
	}

}
