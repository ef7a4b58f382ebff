package io.github.openrouter.spring.messages.conformance;

import java.util.List;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.conformance.Fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the hand-written wire corpus in {@code fixtures/conformance/requests/}: each
 * document is a valid {@code MessagesRequest}, and together they cover the whole schema (so
 * {@link RequestCoverage} itself is shown to reach full coverage, and to report gaps).
 */
class WireRequestCorpusTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Fixture> wireRequests() {
		return Fixtures.list("conformance/requests/*.json").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wireRequests")
	void wireRequestValidatesAgainstMessagesRequest(Fixture fixture) {
		assertThat(OpenApiSchemas.get().validate("MessagesRequest", this.mapper.readTree(fixture.content())))
			.isEmpty();
	}

	@Test
	void shouldCoverTheWholeRequestSchema() {
		assertThat(RequestCoverage.gaps(documents())).isEmpty();
	}

	@Test
	void shouldReportGapsWhenADocumentIsLeftOut() {
		List<JsonNode> withoutTools = documents().stream()
			.filter((document) -> !document.has("tools") || document.get("tools").size() < 5)
			.toList();
		assertThat(RequestCoverage.gaps(withoutTools))
			.anySatisfy((gap) -> assertThat(gap).startsWith("tools/*: type values never used")
				.contains("openrouter:shell")
				.contains(SchemaCoverage.ANY_OTHER));
	}

	@Test
	void shouldReportAnUnusedProviderField() {
		List<JsonNode> documents = documents();
		documents.forEach((document) -> {
			if (document.has("provider")) {
				((tools.jackson.databind.node.ObjectNode) document.get("provider")).remove("zdr");
			}
		});
		assertThat(RequestCoverage.gaps(documents)).containsExactly("provider: properties never used [zdr]");
	}

	private List<JsonNode> documents() {
		return wireRequests().map((fixture) -> this.mapper.readTree(fixture.content())).toList();
	}

}
