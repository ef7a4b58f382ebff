package io.github.openrouter.spring.messages.model.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.model.RefusalCategory;
import io.github.openrouter.spring.messages.model.RoutingStrategy;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.content.CharLocationCitation;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StreamEvent} and {@link Delta}.
 */
class StreamEventTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Arguments> events() {
		return Stream.of(Arguments.of(MessageStartEvent.class,
				"{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
						+ "\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"stop_details\":null,\"container\":null,\"usage\":"
						+ "{\"input_tokens\":12,\"output_tokens\":1,\"cache_creation_input_tokens\":null,\"cache_read_input_tokens\":null,"
						+ "\"cache_creation\":null,\"output_tokens_details\":null,\"server_tool_use\":null,\"service_tier\":\"standard\","
						+ "\"inference_geo\":null},\"provider\":\"Anthropic\"}}"),
				Arguments.of(ContentBlockStartEvent.class,
						"{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{}}}"),
				Arguments.of(ContentBlockDeltaEvent.class,
						"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"),
				Arguments.of(ContentBlockStopEvent.class, "{\"type\":\"content_block_stop\",\"index\":2}"),
				Arguments.of(MessageDeltaEvent.class,
						"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"refusal\",\"stop_sequence\":null,\"stop_details\":"
								+ "{\"type\":\"refusal\",\"category\":\"cyber\",\"explanation\":\"no\"},\"container\":{\"id\":\"c\",\"expires_at\":\"2026-01-01T00:00:00Z\"}},"
								+ "\"usage\":{\"input_tokens\":null,\"output_tokens\":15,\"cache_creation_input_tokens\":null,\"cache_read_input_tokens\":null,"
								+ "\"cache_creation\":null,\"output_tokens_details\":null,\"server_tool_use\":null,\"service_tier\":null,\"inference_geo\":null,"
								+ "\"cost\":0.0012}}"),
				Arguments.of(MessageStopEvent.class, "{\"type\":\"message_stop\"}"),
				Arguments.of(MessageStopEvent.class,
						"{\"type\":\"message_stop\",\"openrouter_metadata\":{\"requested\":\"a/b\",\"strategy\":\"fallback\",\"region\":null,"
								+ "\"summary\":\"s\",\"attempt\":2,\"is_byok\":false,\"endpoints\":{\"total\":2,\"available\":[{\"provider\":\"A\","
								+ "\"model\":\"a/b\",\"selected\":true}]},\"attempts\":[{\"provider\":\"B\",\"model\":\"a/b\",\"status\":503}],"
								+ "\"params\":{\"quality_floor\":0.5},\"pipeline\":[{\"type\":\"plugin\",\"name\":\"web\",\"cost_usd\":0.01},"
								+ "{\"type\":\"future_stage\",\"name\":\"x\",\"data\":{\"k\":[1]}}]}}"),
				Arguments.of(PingEvent.class, "{\"type\":\"ping\"}"),
				Arguments.of(ErrorEvent.class,
						"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\",\"error_type\":\"provider_overloaded\"}}"),
				Arguments.of(UnknownStreamEvent.class, "{\"type\":\"message_checkpoint\",\"data\":{\"n\":1}}"));
	}

	@ParameterizedTest
	@MethodSource("events")
	void shouldReadEventAndWriteItBackUnchanged(Class<? extends StreamEvent> expectedType, String json) {
		StreamEvent event = this.mapper.readValue(json, StreamEvent.class);
		assertThat(event).isInstanceOf(expectedType);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(event))).isEqualTo(this.mapper.readTree(json));
	}

	static Stream<Arguments> deltas() {
		return Stream.of(Arguments.of(TextDelta.class, "{\"type\":\"text_delta\",\"text\":\"a\"}"),
				Arguments.of(InputJsonDelta.class, "{\"type\":\"input_json_delta\",\"partial_json\":\"\"}"),
				Arguments.of(ThinkingDelta.class, "{\"type\":\"thinking_delta\",\"thinking\":\"t\"}"),
				Arguments.of(SignatureDelta.class, "{\"type\":\"signature_delta\",\"signature\":\"s\"}"),
				Arguments.of(CitationsDelta.class,
						"{\"type\":\"citations_delta\",\"citation\":{\"type\":\"char_location\",\"cited_text\":\"c\",\"document_index\":0,"
								+ "\"document_title\":null,\"start_char_index\":0,\"end_char_index\":1}}"),
				Arguments.of(CompactionDelta.class, "{\"type\":\"compaction_delta\",\"content\":null,\"encrypted_content\":\"e\"}"),
				Arguments.of(UnknownDelta.class, "{\"type\":\"audio_delta\",\"pcm\":\"AAA\",\"rate\":24000}"));
	}

	@ParameterizedTest
	@MethodSource("deltas")
	void shouldReadDeltaAndWriteItBackUnchanged(Class<? extends Delta> expectedType, String json) {
		Delta delta = this.mapper.readValue(json, Delta.class);
		assertThat(delta).isInstanceOf(expectedType);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(delta))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldKeepUnknownDeltaInsideDeltaEvent() {
		String json = "{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"new_delta\",\"x\":1}}";
		ContentBlockDeltaEvent event = (ContentBlockDeltaEvent) this.mapper.readValue(json, StreamEvent.class);
		assertThat(event.index()).isEqualTo(3);
		assertThat(event.delta()).isInstanceOf(UnknownDelta.class);
		assertThat(event.delta().type()).isEqualTo("new_delta");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(event))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldReadTypedValuesOfEvents() {
		MessageDeltaEvent delta = (MessageDeltaEvent) this.mapper.readValue(
				"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"refusal\",\"stop_details\":{\"type\":\"refusal\",\"category\":\"cyber\","
						+ "\"explanation\":null}},\"usage\":{\"output_tokens\":7,\"cost\":0.000123}}",
				StreamEvent.class);
		assertThat(delta.delta().stopReason()).isEqualTo(StopReason.REFUSAL);
		assertThat(delta.delta().stopDetails().category()).isEqualTo(RefusalCategory.CYBER);
		assertThat(delta.usage().outputTokens()).isEqualTo(7);
		assertThat(delta.usage().cost()).isEqualByComparingTo("0.000123");
		CitationsDelta citations = (CitationsDelta) this.mapper.readValue(
				"{\"type\":\"citations_delta\",\"citation\":{\"type\":\"char_location\",\"cited_text\":\"c\",\"start_char_index\":4}}",
				Delta.class);
		assertThat(citations.citation()).isInstanceOfSatisfying(CharLocationCitation.class,
				(citation) -> assertThat(citation.startCharIndex()).isEqualTo(4));
	}

	@Test
	void shouldWriteCitationDeltaTitleAsNullAndLeaveOutAbsentFileId() {
		Delta delta = this.mapper.readValue(
				"{\"type\":\"citations_delta\",\"citation\":{\"type\":\"char_location\",\"cited_text\":\"c\",\"document_index\":0,"
						+ "\"start_char_index\":0,\"end_char_index\":1}}",
				Delta.class);
		JsonNode citation = this.mapper.readTree(this.mapper.writeValueAsString(delta)).get("citation");
		assertThat(citation.get("document_title").isNull()).isTrue();
		assertThat(citation.has("file_id")).isFalse();
		assertThat(citation.get("start_char_index").asInt()).isZero();
	}

	@Test
	void shouldKeepEveryDigitOfCostInsideEvents() {
		MessageStartEvent start = (MessageStartEvent) this.mapper.readValue(
				"{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"content\":[],\"usage\":{\"input_tokens\":1,"
						+ "\"output_tokens\":0,\"cost\":0.12345678901234567890123}}}",
				StreamEvent.class);
		assertThat(start.message().usage().cost()).isEqualByComparingTo("0.12345678901234567890123");
	}

	@Test
	void shouldFindDiscriminatorThatIsNotTheFirstProperty() {
		StreamEvent event = this.mapper.readValue(
				"{\"index\":0,\"delta\":{\"text\":\"x\",\"type\":\"text_delta\"},\"type\":\"content_block_delta\"}", StreamEvent.class);
		assertThat(event).isEqualTo(new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, 0, new TextDelta(TextDelta.TYPE, "x")));
	}

	@Test
	void shouldKeepNonObjectValueAsUnknownEvent() {
		StreamEvent event = this.mapper.readValue("[1,2]", StreamEvent.class);
		assertThat(event).isInstanceOf(UnknownStreamEvent.class);
		assertThat(event.type()).isEmpty();
		assertThat(this.mapper.writeValueAsString(event)).isEqualTo("[1,2]");
	}

	@Test
	void shouldTolerateUnknownFieldsInKnownEvents() {
		StreamEvent event = this.mapper.readValue("{\"type\":\"ping\",\"sequence\":4}", StreamEvent.class);
		assertThat(event).isInstanceOf(PingEvent.class);
	}

	@Test
	void shouldReadErrorEventFromDocs() throws IOException {
		ErrorEvent event = (ErrorEvent) this.mapper.readValue(fixture("openrouter-docs/anthropic-error-event.midstream.json"),
				StreamEvent.class);
		assertThat(event.error().type()).isEqualTo("overloaded_error");
		assertThat(event.error().errorType()).isEqualTo("provider_overloaded");
		assertThat(event.error().message()).isEqualTo("Provider is temporarily overloaded");
	}

	@ParameterizedTest
	@ValueSource(strings = { "schema-example.MessagesStartEvent.json", "schema-example.MessagesContentBlockStartEvent.json",
			"schema-example.MessagesContentBlockDeltaEvent.json", "schema-example.MessagesContentBlockStopEvent.json",
			"schema-example.MessagesDeltaEvent.json", "schema-example.MessagesStopEvent.json", "schema-example.MessagesPingEvent.json",
			"schema-example.MessagesErrorEvent.json" })
	void shouldReadEverySpecEventExampleAsKnownEventAndStayStable(String name) throws IOException {
		String json = fixture("openrouter-spec/" + name);
		StreamEvent event = this.mapper.readValue(json, StreamEvent.class);
		assertThat(event).isNotInstanceOf(UnknownStreamEvent.class);
		assertThat(event.type()).isEqualTo(this.mapper.readTree(json).get("type").stringValue());
		String written = this.mapper.writeValueAsString(event);
		assertThat(this.mapper.readValue(written, StreamEvent.class)).isEqualTo(event);
	}

	@Test
	void shouldReadSseEventExampleOfSpec() throws IOException {
		String json = fixture("openrouter-spec/response-200-sse-event.example.json");
		StreamEvent event = this.mapper.treeToValue(this.mapper.readTree(json).get("data"), StreamEvent.class);
		assertThat(event).isInstanceOfSatisfying(ContentBlockDeltaEvent.class,
				(delta) -> assertThat(delta.delta()).isEqualTo(new TextDelta(TextDelta.TYPE, "Hello")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "anthropic-sdk-python/basic_response.sse", "anthropic-sdk-python/tool_use_response.sse",
			"anthropic-sdk-python/refusal_response.sse", "synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse",
			"synthetic-openrouter/SYNTHETIC-midstream-error.sse", "synthetic-openrouter/SYNTHETIC-crlf-line-endings.sse" })
	void shouldReadEveryEventOfCapturedStreamsAsKnownEvent(String name) throws IOException {
		List<String> data = dataLines(fixture(name));
		assertThat(data).isNotEmpty();
		for (String json : data) {
			StreamEvent event = this.mapper.readValue(json, StreamEvent.class);
			assertThat(event).as(json).isNotInstanceOf(UnknownStreamEvent.class);
			assertThat(this.mapper.readValue(this.mapper.writeValueAsString(event), StreamEvent.class)).isEqualTo(event);
		}
	}

	@Test
	void shouldReadToolUseStreamDetails() throws IOException {
		List<StreamEvent> events = new ArrayList<>();
		for (String json : dataLines(fixture("anthropic-sdk-python/tool_use_response.sse"))) {
			events.add(this.mapper.readValue(json, StreamEvent.class));
		}
		assertThat(events).filteredOn(ContentBlockStartEvent.class::isInstance)
			.extracting((event) -> (Object) ((ContentBlockStartEvent) event).contentBlock().getClass())
			.containsExactly(TextBlock.class, ToolUseBlock.class);
		assertThat(events).filteredOn(MessageDeltaEvent.class::isInstance)
			.extracting((event) -> ((MessageDeltaEvent) event).delta().stopReason())
			.containsExactly(StopReason.TOOL_USE);
	}

	@Test
	void shouldReadRoutingMetadataOnMessageStop() throws IOException {
		List<String> data = dataLines(fixture("synthetic-openrouter/SYNTHETIC-text-stream-with-openrouter-quirks.sse"));
		MessageStopEvent stop = (MessageStopEvent) this.mapper.readValue(data.get(data.size() - 1), StreamEvent.class);
		assertThat(stop.openrouterMetadata().strategy()).isEqualTo(RoutingStrategy.DIRECT);
		assertThat(stop.openrouterMetadata().endpoints().available()).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint.selected()).isTrue());
	}

	private static List<String> dataLines(String sse) {
		List<String> data = new ArrayList<>();
		for (String line : sse.split("\r\n|\r|\n")) {
			if (line.startsWith("data:")) {
				String value = line.substring(5).trim();
				if (!value.equals("[DONE]")) {
					data.add(value);
				}
			}
		}
		return data;
	}

	private static String fixture(String name) throws IOException {
		try (InputStream stream = StreamEventTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(stream).as(name).isNotNull();
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
