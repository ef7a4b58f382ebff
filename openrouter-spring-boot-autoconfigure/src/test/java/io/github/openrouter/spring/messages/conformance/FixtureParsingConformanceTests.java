package io.github.openrouter.spring.messages.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.conformance.Fixtures.Fixture;
import io.github.openrouter.spring.messages.model.MessageContent;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.StopDetails;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.RedactedThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ServerToolUseBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolReferenceBlock;
import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.content.UnknownContentBlock;
import io.github.openrouter.spring.messages.model.content.WebSearchToolResultBlock;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStartEvent;
import io.github.openrouter.spring.messages.model.stream.ContentBlockStopEvent;
import io.github.openrouter.spring.messages.model.stream.ErrorEvent;
import io.github.openrouter.spring.messages.model.stream.MessageDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStartEvent;
import io.github.openrouter.spring.messages.model.stream.MessageStopEvent;
import io.github.openrouter.spring.messages.model.stream.PingEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.UnknownDelta;
import io.github.openrouter.spring.messages.model.stream.UnknownStreamEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests: every JSON example in {@code fixtures/} parses with a plain Jackson 3
 * mapper into the right model type (never an {@code Unknown*} fallback), and writes back the
 * same JSON (absent and {@code null} counted equal, see {@link JsonTrees#withoutNulls}).
 */
class FixtureParsingConformanceTests {

	private static final Map<String, Class<?>> SCHEMA_TYPES = Map.ofEntries(
			Map.entry("MessagesRequest", MessageRequest.class), Map.entry("MessagesResult", MessageResponse.class),
			Map.entry("MessagesStartEvent", MessageStartEvent.class),
			Map.entry("MessagesContentBlockStartEvent", ContentBlockStartEvent.class),
			Map.entry("MessagesContentBlockDeltaEvent", ContentBlockDeltaEvent.class),
			Map.entry("MessagesContentBlockStopEvent", ContentBlockStopEvent.class),
			Map.entry("MessagesDeltaEvent", MessageDeltaEvent.class),
			Map.entry("MessagesStopEvent", MessageStopEvent.class), Map.entry("MessagesPingEvent", PingEvent.class),
			Map.entry("MessagesErrorEvent", ErrorEvent.class),
			Map.entry("AnthropicRedactedThinkingBlock", RedactedThinkingBlock.class),
			Map.entry("AnthropicThinkingBlock", ThinkingBlock.class),
			Map.entry("AnthropicToolUseBlock", ToolUseBlock.class),
			Map.entry("AnthropicWebSearchToolResult", WebSearchToolResultBlock.class),
			Map.entry("ORAnthropicServerToolUseBlock", ServerToolUseBlock.class),
			Map.entry("AnthropicRefusalStopDetails", StopDetails.class),
			Map.entry("OpenRouterMetadata", OpenRouterMetadata.class),
			Map.entry("AnthropicMessagesErrorResponse", JsonNode.class),
			Map.entry("MessagesStreamingResponse", JsonNode.class));

	static Stream<Fixture> specExamples() {
		return OpenRouterSpecFixtureSchemaTests.specExamples();
	}

	static Stream<Fixture> sseFixtures() {
		return Stream.concat(Fixtures.list("anthropic-sdk-python/*.sse").stream(),
				Fixtures.list("synthetic-openrouter/*.sse").stream());
	}

	static Stream<Fixture> wireRequests() {
		return WireRequestCorpusTests.wireRequests();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("specExamples")
	void specExampleParsesIntoItsModelTypeAndWritesBackTheSameJson(Fixture fixture) {
		String schema = OpenRouterSpecFixtureSchemaTests.schemaFor(fixture.fileName());
		Class<?> type = SCHEMA_TYPES.get(schema);
		assertThat(type).as("model type for %s", schema).isNotNull();
		JsonNode original = JsonTrees.mapper.readTree(fixture.content());
		if (type == JsonNode.class) {
			// errors stay JSON; the SSE example wraps a stream event in {event, data}
			assertThat(original.isObject()).isTrue();
			if (original.has("data")) {
				assertRoundTrip(original.get("data"), parseEvent(original.get("data")));
			}
			return;
		}
		Object parsed = parse(original, type);
		assertThat(parsed).isInstanceOf(type);
		assertRoundTrip(original, parsed);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sseFixtures")
	void everyEventOfCapturedAndSyntheticStreamsParsesIntoAKnownEvent(Fixture fixture) {
		List<String> payloads = JsonTrees.sseData(fixture.content());
		assertThat(payloads).isNotEmpty();
		for (String payload : payloads) {
			JsonNode original = JsonTrees.mapper.readTree(payload);
			StreamEvent event = parseEvent(original);
			assertRoundTrip(original, event);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wireRequests")
	void wireRequestParsesIntoMessageRequestAndWritesBackTheSameJson(Fixture fixture) {
		JsonNode original = JsonTrees.mapper.readTree(fixture.content());
		MessageRequest request = JsonTrees.mapper.treeToValue(original, MessageRequest.class);
		assertThat(JsonTrees.wire(request)).isEqualTo(original);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wireRequests")
	void everyBlockOfAWireRequestParsesIntoATypedBlock(Fixture fixture) {
		MessageRequest request = JsonTrees.mapper.readValue(fixture.content(), MessageRequest.class);
		List<ContentBlock> blocks = new ArrayList<>();
		request.messages().forEach((message) -> collectBlocks(message.content(), blocks));
		assertThat(blocks).as("blocks of %s", fixture.path())
			.noneMatch((block) -> block instanceof UnknownContentBlock);
	}

	@Test
	void shouldParseToolReferenceInsideWireToolResultIntoToolReferenceBlock() {
		MessageRequest request = JsonTrees.mapper
			.readValue(Fixtures.get("conformance/requests/content-blocks.json").content(), MessageRequest.class);
		List<ContentBlock> blocks = new ArrayList<>();
		request.messages().forEach((message) -> collectBlocks(message.content(), blocks));
		assertThat(blocks).contains(ToolReferenceBlock.of("get_weather"));
	}

	@Test
	void shouldParseDocsMidstreamErrorIntoErrorEvent() {
		JsonNode original = JsonTrees.mapper
			.readTree(Fixtures.get("openrouter-docs/anthropic-error-event.midstream.json").content());
		StreamEvent event = parseEvent(original);
		assertThat(event).isInstanceOfSatisfying(ErrorEvent.class,
				(error) -> assertThat(error.error().errorType()).isEqualTo("provider_overloaded"));
		assertRoundTrip(original, event);
	}

	@Test
	void shouldReadEveryDocsErrorEnvelopeAsJson() {
		List<Fixture> envelopes = Fixtures.list("openrouter-docs/*envelope*.json");
		assertThat(envelopes).hasSize(3);
		for (Fixture envelope : envelopes) {
			assertThat(JsonTrees.mapper.readTree(envelope.content()).path("error").isObject()).as(envelope.path())
				.isTrue();
		}
	}

	private static void collectBlocks(@Nullable MessageContent content, List<ContentBlock> blocks) {
		if (content == null || content.blocks() == null) {
			return;
		}
		for (ContentBlock block : content.blocks()) {
			blocks.add(block);
			if (block instanceof ToolResultBlock result) {
				collectBlocks(result.content(), blocks);
			}
		}
	}

	private static Object parse(JsonNode original, Class<?> type) {
		if (type == ContentBlock.class || ContentBlock.class.isAssignableFrom(type)) {
			ContentBlock block = JsonTrees.mapper.treeToValue(original, ContentBlock.class);
			assertThat(block).isNotInstanceOf(UnknownContentBlock.class);
			return block;
		}
		if (StreamEvent.class.isAssignableFrom(type)) {
			return parseEvent(original);
		}
		return JsonTrees.mapper.treeToValue(original, type);
	}

	private static StreamEvent parseEvent(JsonNode original) {
		StreamEvent event = JsonTrees.mapper.treeToValue(original, StreamEvent.class);
		assertThat(event).as("event %s", original).isNotInstanceOf(UnknownStreamEvent.class);
		if (event instanceof ContentBlockDeltaEvent delta) {
			assertThat(delta.delta()).as("delta %s", original).isNotInstanceOf(UnknownDelta.class);
		}
		if (event instanceof ContentBlockStartEvent start) {
			assertThat(start.contentBlock()).as("block %s", original).isNotInstanceOf(UnknownContentBlock.class);
		}
		return event;
	}

	private static void assertRoundTrip(JsonNode original, Object parsed) {
		assertThat(JsonTrees.withoutNulls(JsonTrees.wire(parsed))).as("written back")
			.isEqualTo(JsonTrees.withoutNulls(original));
	}

}
