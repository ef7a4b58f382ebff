package io.github.openrouter.spring.messages.model;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.internal.RecordCreatorModule;
import io.github.openrouter.spring.messages.model.stream.Delta;
import io.github.openrouter.spring.messages.model.stream.MessageDelta;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that fields this version does not know are kept, readable through
 * {@code additionalProperties()} and written back, on the response, its usage and its content
 * blocks, with a plain {@link JsonMapper} and with the client's.
 */
class AdditionalPropertiesTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final JsonMapper CLIENT = JsonMapper.builder().addModule(new RecordCreatorModule()).build();

	private static final String NAME = "x_future_field";

	private static final JsonNode VALUE = PLAIN.readTree("{\"n\":[1,\"two\",null],\"ok\":true}");

	static Stream<Arguments> responses() {
		return ModelFixtureCorpus.fixtures().filter((arguments) -> arguments.get()[1] == MessageResponse.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responses")
	void shouldKeepUnknownFieldsOfTheResponseItsUsageAndItsBlocks(String name, Class<?> type, String json) {
		for (JsonMapper mapper : List.of(PLAIN, CLIENT)) {
			JsonNode expected = injected(PLAIN.readTree(mapper.writeValueAsString(mapper.readValue(json, MessageResponse.class))));
			MessageResponse response = mapper.readValue(injected(PLAIN.readTree(json)).toString(), MessageResponse.class);
			assertThat(response.additionalProperties()).as(name).containsEntry(NAME, VALUE);
			if (response.usage() != null) {
				assertThat(response.usage().additionalProperties()).as(name).containsEntry(NAME, VALUE);
			}
			for (ContentBlock block : response.content()) {
				assertThat(block.additionalProperties().isEmpty() || block.additionalProperties().get(NAME).equals(VALUE))
					.as(name + " " + block.type())
					.isTrue();
			}
			assertThat(PLAIN.readTree(mapper.writeValueAsString(response))).as(name).isEqualTo(expected);
		}
	}

	@Test
	void shouldKeepUnknownFieldsOfEveryKnownContentBlock() {
		List<ContentBlock> blocks = responses().map((arguments) -> (String) arguments.get()[2])
			.map((json) -> PLAIN.readValue(injected(PLAIN.readTree(json)).toString(), MessageResponse.class))
			.flatMap((response) -> response.content().stream())
			.filter((block) -> !block.additionalProperties().isEmpty())
			.toList();
		assertThat(blocks).allSatisfy((block) -> assertThat(block.additionalProperties()).containsEntry(NAME, VALUE));
		assertThat(blocks.stream().map(ContentBlock::type).distinct()).hasSizeGreaterThan(5);
	}

	@Test
	void shouldGiveEveryKnownBlockEventAndDeltaAnAdditionalPropertiesComponent() {
		List<Class<?>> types = Stream
			.of(ContentBlock.class.getPermittedSubclasses(), StreamEvent.class.getPermittedSubclasses(),
					Delta.class.getPermittedSubclasses(), new Class<?>[] { MessageResponse.class, Usage.class,
							MessageDelta.class })
			.flatMap(Arrays::stream)
			.filter((type) -> !type.getSimpleName().startsWith("Unknown"))
			.toList();
		assertThat(types).hasSizeGreaterThan(35).allSatisfy((type) -> {
			RecordComponent last = type.getRecordComponents()[type.getRecordComponents().length - 1];
			assertThat(last.getName()).as(type.getName()).isEqualTo("additionalProperties");
			assertThat(last.getGenericType().getTypeName()).isEqualTo("java.util.Map<java.lang.String, tools.jackson.databind.JsonNode>");
			assertThat(last.getAccessor().isAnnotationPresent(JsonAnyGetter.class)).as(type.getName()).isTrue();
			assertThat(type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new)).getParameters()[type.getRecordComponents().length - 1]
				.isAnnotationPresent(JsonAnySetter.class)).as(type.getName()).isTrue();
		});
	}

	@Test
	void shouldNotWriteAnEmptyMapForValuesBuiltByTheApplication() {
		MessageRequest request = MessageRequest.builder()
			.model("m")
			.maxTokens(10)
			.addMessage(MessageParam.user(List.of(TextBlock.of("hi"))))
			.build();
		String json = PLAIN.writeValueAsString(request);
		assertThat(json).doesNotContain("additional").doesNotContain("{}");
		assertThat(PLAIN.writeValueAsString(Usage.of(1, 2))).doesNotContain("additional");
	}

	@Test
	void shouldKeepAdditionalPropertiesUnmodifiableAndPartOfEquality() {
		TextBlock block = PLAIN.readValue("{\"type\":\"text\",\"text\":\"a\",\"" + NAME + "\":7}", TextBlock.class);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> block.additionalProperties().put("x", VALUE));
		assertThat(block).isNotEqualTo(TextBlock.of("a"));
		assertThat(new TextBlock(TextBlock.TYPE, "a", null, null, Map.of())).isEqualTo(TextBlock.of("a"));
		assertThat(block.withCacheControl(null).additionalProperties()).isEqualTo(block.additionalProperties());
	}

	@Test
	void shouldMergeUnknownUsageFieldsLikeKnownOnes() {
		Usage start = PLAIN.readValue("{\"input_tokens\":5,\"a\":1,\"b\":1}", Usage.class);
		Usage later = PLAIN.readValue("{\"output_tokens\":7,\"b\":2}", Usage.class);
		Usage merged = start.merge(later);
		assertThat(merged.additionalProperties()).containsOnly(Map.entry("a", PLAIN.readTree("1")),
				Map.entry("b", PLAIN.readTree("2")));
		assertThat(merged.inputTokens()).isEqualTo(5);
		assertThat(merged.outputTokens()).isEqualTo(7);
	}

	/** Adds the unknown field to the response, its usage and each of its content blocks. */
	private static JsonNode injected(JsonNode response) {
		ObjectNode copy = (ObjectNode) response.deepCopy();
		copy.set(NAME, VALUE);
		if (copy.get("usage") instanceof ObjectNode usage) {
			usage.set(NAME, VALUE);
		}
		if (copy.get("content") != null) {
			copy.get("content").forEach((block) -> ((ObjectNode) block).set(NAME, VALUE));
		}
		return copy;
	}

}
