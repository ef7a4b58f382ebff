package io.github.openrouter.spring.messages.conformance;

import java.util.List;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.conformance.Fixtures.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the hand-written response corpus in {@code fixtures/conformance/responses/}: each
 * document is a valid {@code MessagesResult}, and together they cover the whole result schema.
 */
class WireResponseCorpusTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Fixture> wireResponses() {
		return Fixtures.list("conformance/responses/*.json").stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wireResponses")
	void wireResponseValidatesAgainstMessagesResult(Fixture fixture) {
		assertThat(OpenApiSchemas.get().validate("MessagesResult", this.mapper.readTree(fixture.content())))
			.isEmpty();
	}

	@Test
	void shouldCoverTheWholeResultSchema() {
		assertThat(ResponseCoverage.gaps(documents())).isEmpty();
	}

	@Test
	void shouldReportAnUnusedBlockType() {
		List<JsonNode> documents = documents();
		documents.forEach((document) -> {
			var content = document.get("content").values().iterator();
			while (content.hasNext()) {
				if ("container_upload".equals(content.next().path("type").asString())) {
					content.remove();
				}
			}
		});
		assertThat(ResponseCoverage.gaps(documents)).containsExactly("content/*: type values never used [container_upload]");
	}

	@Test
	void shouldReportAnUnusedUsageField() {
		List<JsonNode> documents = documents();
		documents.forEach((document) -> ((ObjectNode) document.get("usage")).remove("cost"));
		assertThat(ResponseCoverage.gaps(documents)).containsExactly("usage: properties never used [cost]");
	}

	private List<JsonNode> documents() {
		return wireResponses().map((fixture) -> this.mapper.readTree(fixture.content())).toList();
	}

}
