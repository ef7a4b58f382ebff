package io.github.openrouter.spring.messages.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.model.ClearThinkingEdit;
import io.github.openrouter.spring.messages.model.ClearToolUsesEdit;
import io.github.openrouter.spring.messages.model.CompactEdit;
import io.github.openrouter.spring.messages.model.ContextEdit;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.UnknownContextEdit;
import io.github.openrouter.spring.messages.model.content.CharLocationCitation;
import io.github.openrouter.spring.messages.model.content.ContentBlockLocationCitation;
import io.github.openrouter.spring.messages.model.content.PageLocationCitation;
import io.github.openrouter.spring.messages.model.content.SearchResultLocationCitation;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.WebSearchResultLocationCitation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests for {@link MessageRequest}: the Java-built {@link RequestCorpus},
 * serialized with a plain Jackson 3 {@link JsonMapper}, validates against the
 * {@code MessagesRequest} schema and covers all of it.
 */
class RequestCorpusConformanceTests {

	private static final JsonMapper mapper = JsonTrees.mapper;

	static Stream<Arguments> corpus() {
		return RequestCorpus.all().entrySet().stream().map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void serializedRequestValidatesAgainstMessagesRequest(String name, MessageRequest request) {
		assertThat(OpenApiSchemas.get().validate("MessagesRequest", JsonTrees.wire(request))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyToolValidatesAgainstItsOwnMember(String name, MessageRequest request) {
		// tools[] is an anyOf with a catch-all member, so the union alone accepts any typed object
		SchemaCoverage coverage = new SchemaCoverage(OpenApiSchemas.get().document());
		String union = RequestCoverage.REQUEST + "/properties/tools/items";
		for (JsonNode tool : SchemaCoverage.select(List.of(JsonTrees.wire(request)), "tools/*")) {
			String type = tool.path("type").asString("custom");
			if (!coverage.unionMembers(coverage.schemaAt(union), "type").containsKey(type)) {
				continue;
			}
			assertThat(OpenApiSchemas.get().validateAt(coverage.memberPointer(union, "type", type), tool))
				.as("tool %s", tool)
				.isEmpty();
		}
	}

	@Test
	void shouldBuildEveryContextEditOfTheCorpusAsATypedEdit() {
		List<ContextEdit> edits = new ArrayList<>();
		RequestCorpus.all().values().forEach((request) -> {
			if (request.contextManagement() != null && request.contextManagement().edits() != null) {
				edits.addAll(request.contextManagement().edits());
			}
		});
		assertThat(edits).extracting(ContextEdit::type)
			.contains(ClearToolUsesEdit.TYPE, ClearThinkingEdit.TYPE, CompactEdit.TYPE);
		assertThat(edits).noneMatch((edit) -> edit instanceof UnknownContextEdit);
		for (MessageRequest request : RequestCorpus.all().values()) {
			MessageRequest read = mapper.readValue(mapper.writeValueAsString(request), MessageRequest.class);
			assertThat(read.contextManagement()).isEqualTo(request.contextManagement());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void requestSurvivesAPlainMapperRoundTrip(String name, MessageRequest request) {
		String written = mapper.writeValueAsString(request);
		MessageRequest read = mapper.readValue(written, MessageRequest.class);
		assertThat(read).isEqualTo(request);
		assertThat(mapper.writeValueAsString(read)).isEqualTo(written);
	}

	@Test
	void shouldUseEveryMessagesRequestProperty() {
		CoverageGaps.Counts counts = RequestCoverage.requestCounts(serializedCorpus());
		assertThat(counts.missing()).isEmpty();
		assertThat(counts.covered()).isEqualTo(counts.declared()).isEqualTo(27);
	}

	@Test
	void shouldUseEveryProviderPreferencesProperty() {
		CoverageGaps.Counts counts = RequestCoverage.providerCounts(serializedCorpus());
		assertThat(counts.missing()).isEmpty();
		assertThat(counts.covered()).isEqualTo(counts.declared()).isEqualTo(13);
	}

	@Test
	void shouldCoverEveryVariantOfTheRequestSchema() {
		assertThat(RequestCoverage.gaps(serializedCorpus())).isEmpty();
	}

	@Test
	void shouldEqualTheHandWrittenWireCorpusWhereCasesMatch() {
		Map<String, String> wireFiles = Map.of("top-level fields", "top-level-fields.json", "content blocks",
				"content-blocks.json", "cached blocks: assistant", "cached-blocks-assistant.json",
				"cached blocks: system and result", "cached-blocks-system-and-result.json", "tools", "tools.json",
				"more tools", "more-tools.json", "variants", "variants.json", "minimal choices", "minimal-choices.json");
		assertThat(wireFiles).hasSize(RequestCorpus.all().size() - 1);
		Map<String, MessageRequest> corpus = RequestCorpus.all();
		wireFiles.forEach((name, file) -> {
			JsonNode wire = mapper.readTree(Fixtures.get("conformance/requests/" + file).content());
			assertThat(JsonTrees.wire(corpus.get(name))).as(name).isEqualTo(wire);
		});
	}

	@Test
	void replayedCitationsWithNullTitlesValidateAgainstMessagesRequest() {
		// document_title / title are required (nullable) in MessagesRequest citations, so a
		// replayed citation with a null title must be written with an explicit null
		MessageRequest request = MessageRequest.builder()
			.model("anthropic/claude-sonnet-4")
			.addUserMessage("Hi")
			.addAssistantMessage(List.of(new TextBlock(TextBlock.TYPE, "Cited.", null,
					List.of(new CharLocationCitation(CharLocationCitation.TYPE, "c", 0, null, null, 0, 1),
							new PageLocationCitation(PageLocationCitation.TYPE, "c", 0, null, null, 1, 2),
							new ContentBlockLocationCitation(ContentBlockLocationCitation.TYPE, "c", 0, null, null, 0,
									1),
							new WebSearchResultLocationCitation(WebSearchResultLocationCitation.TYPE, "c", "ZW5j", null,
									"https://example.com"),
							new SearchResultLocationCitation(SearchResultLocationCitation.TYPE, "c", 0,
									"https://example.com/kb", null, 0, 1)))))
			.build();
		JsonNode written = JsonTrees.wire(request);
		JsonNode citations = written.at("/messages/1/content/0/citations");
		assertThat(citations.size()).isEqualTo(5);
		for (int i = 0; i < 3; i++) {
			assertThat(citations.get(i).get("document_title").isNull()).as("document_title of %s", i).isTrue();
			assertThat(citations.get(i).has("file_id")).as("file_id of %s (not declared by request citations)", i).isFalse();
		}
		assertThat(citations.get(3).get("title").isNull()).isTrue();
		assertThat(citations.get(4).get("title").isNull()).isTrue();
		assertThat(OpenApiSchemas.get().validate("MessagesRequest", written)).isEmpty();
		assertThat(mapper.readValue(mapper.writeValueAsString(request), MessageRequest.class)).isEqualTo(request);
	}

	private static List<JsonNode> serializedCorpus() {
		List<JsonNode> documents = new ArrayList<>();
		RequestCorpus.all().values().forEach((request) -> documents.add(JsonTrees.wire(request)));
		return documents;
	}

}
