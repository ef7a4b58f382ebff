package io.github.openrouter.spring.messages.streaming;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import io.github.openrouter.spring.messages.error.IncompleteStreamException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import io.github.openrouter.spring.messages.error.OpenRouterStreamException;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MessageAccumulator}.
 */
class MessageAccumulatorTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void shouldKeepTheLatestCumulativeUsageInsteadOfAddingDeltas() {
		MessageAccumulator accumulator = accumulate(
				"{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\",\"content\":[],"
						+ "\"usage\":{\"input_tokens\":100,\"output_tokens\":1,\"cache_read_input_tokens\":50}}}",
				"{\"type\":\"message_delta\",\"delta\":{},\"usage\":{\"output_tokens\":20,\"input_tokens\":120,"
						+ "\"cache_read_input_tokens\":null}}",
				"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":45}}",
				"{\"type\":\"message_stop\"}");
		Usage usage = accumulator.snapshot().usage();
		assertThat(usage.outputTokens()).isEqualTo(45);
		assertThat(usage.inputTokens()).isEqualTo(120);
		assertThat(usage.cacheReadInputTokens()).isEqualTo(50);
		assertThat(accumulator.snapshot().stopReason().value()).isEqualTo("end_turn");
		assertThat(accumulator.isComplete()).isTrue();
	}

	@Test
	void shouldKeepOnlyTheMetadataWhenToldNotToKeepContent() {
		MessageAccumulator metadataOnly = new MessageAccumulator(false);
		metadataOnly.accept(event("{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\","
				+ "\"content\":[{\"type\":\"text\",\"text\":\"prefilled\"}],\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}"));
		metadataOnly.accept(event(
				"{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
		for (int i = 0; i < 1000; i++) {
			metadataOnly.accept(event(
					"{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"word \"}}"));
		}
		metadataOnly.accept(event("{\"type\":\"content_block_stop\",\"index\":1}"));
		metadataOnly.accept(event("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"max_tokens\"},"
				+ "\"usage\":{\"output_tokens\":1001}}"));
		MessageResponse snapshot = metadataOnly.snapshot();
		assertThat(snapshot.content()).isEmpty();
		assertThat(snapshot.id()).isEqualTo("m");
		assertThat(snapshot.usage().inputTokens()).isEqualTo(9);
		assertThat(snapshot.usage().outputTokens()).isEqualTo(1001);
		assertThat(snapshot.stopReason().value()).isEqualTo("max_tokens");
		assertThat(metadataOnly.hasContent()).isTrue();
		assertThat(metadataOnly.isComplete()).isFalse();
		assertThatExceptionOfType(IncompleteStreamException.class).isThrownBy(metadataOnly::finish)
			.withMessageContaining("content not kept")
			.satisfies((ex) -> assertThat(ex.partialMessage()).isEqualTo(snapshot));
	}

	@Test
	void shouldRouteDeltasByIndexWhateverTheirOrder() {
		MessageAccumulator accumulator = accumulate(
				"{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\",\"content\":[]}}",
				"{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"A\"}}",
				"{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"second\"}}",
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"first\"}}",
				"{\"type\":\"content_block_delta\",\"index\":7,\"delta\":{\"type\":\"text_delta\",\"text\":\"orphan\"}}");
		assertThat(accumulator.snapshot().content()).containsExactly(TextBlock.of("Afirst"), TextBlock.of("second"));
		assertThat(accumulator.isComplete()).isFalse();
		assertThat(accumulator.hasContent()).isTrue();
	}

	@Test
	void shouldShowAnUnfinishedToolInputAsNullAndParseItOnceAtStop() {
		MessageAccumulator accumulator = accumulate(
				"{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\",\"content\":[]}}",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\","
						+ "\"name\":\"n\",\"input\":{}}}",
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}",
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\": [1,\"}}");
		assertThat(((ToolUseBlock) accumulator.snapshot().content().get(0)).input()).isNull();
		accumulator.accept(event(
				"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\" 2]}\"}}"));
		assertThat(((ToolUseBlock) accumulator.snapshot().content().get(0)).input())
			.isEqualTo(MAPPER.readTree("{\"a\":[1,2]}"));
		accumulator.accept(event("{\"type\":\"content_block_stop\",\"index\":0}"));
		ToolUseBlock block = (ToolUseBlock) accumulator.snapshot().content().get(0);
		assertThat(block.input()).isEqualTo(MAPPER.readTree("{\"a\":[1,2]}"));
		assertThat(accumulator.snapshot().content().get(0)).isSameAs(accumulator.snapshot().content().get(0));
	}

	@Test
	void shouldFailWhenTheJoinedToolInputIsNotJsonAtStop() {
		MessageAccumulator accumulator = accumulate(
				"{\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"server_tool_use\",\"id\":\"s\","
						+ "\"name\":\"web_search\",\"input\":{}}}",
				"{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{oops\"}}");
		assertThatExceptionOfType(OpenRouterDecodingException.class)
			.isThrownBy(() -> accumulator.accept(event("{\"type\":\"content_block_stop\",\"index\":3}")))
			.withMessageContaining("content block 3 (server_tool_use)");
	}

	@Test
	void shouldSignalAnErrorEventWithThePartialMessage() {
		Flux<StreamEvent> events = Flux.just(
				event("{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\",\"content\":[]}}"),
				event("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
				event("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"so far\"}}"),
				event("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
		StepVerifier.create(MessageAccumulator.accumulate(events))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(OpenRouterStreamException.class);
				OpenRouterStreamException error = (OpenRouterStreamException) ex;
				assertThat(error.errorType()).isEqualTo("overloaded_error");
				assertThat(error.openRouterErrorType()).isNull();
				assertThat(error.partialMessage().text()).isEqualTo("so far");
			})
			.verify();
	}

	@Test
	void shouldSignalAStreamWithoutMessageStopAsIncomplete() {
		Flux<StreamEvent> events = Flux.just(
				event("{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\",\"content\":[]}}"));
		StepVerifier.create(MessageAccumulator.accumulate(events))
			.expectErrorSatisfies((ex) -> assertThat(((IncompleteStreamException) ex).partialMessage().id()).isEqualTo("m"))
			.verify();
	}

	@Test
	void shouldTakeRoutingMetadataFromMessageStop() {
		MessageResponse message = accumulate(
				"{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"x\",\"content\":[]}}",
				"{\"type\":\"message_stop\",\"openrouter_metadata\":{\"requested\":\"a/b\",\"strategy\":\"direct\","
						+ "\"attempt\":1,\"is_byok\":false,\"summary\":\"s\",\"region\":null,\"endpoints\":{\"total\":0,\"available\":[]}}}")
			.snapshot();
		assertThat(message.openrouterMetadata().requested()).isEqualTo("a/b");
	}

	private static MessageAccumulator accumulate(String... events) {
		MessageAccumulator accumulator = new MessageAccumulator();
		for (String json : List.of(events)) {
			accumulator.accept(event(json));
		}
		return accumulator;
	}

	private static StreamEvent event(String json) {
		return MAPPER.readValue(json, StreamEvent.class);
	}

}
