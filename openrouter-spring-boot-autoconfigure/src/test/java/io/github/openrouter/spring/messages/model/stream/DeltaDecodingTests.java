package io.github.openrouter.spring.messages.model.stream;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.model.internal.DiscriminatedMemberDeserializer;
import io.github.openrouter.spring.messages.model.internal.RecordCreatorModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the hand-written {@link ContentBlockDeltaEventDeserializer} and
 * {@link StringDeltaDeserializer}: read as a union's member with the {@code type} first, they
 * continue after it on the live parser; with the {@code type} later, or read directly, they see
 * the whole object. Every way must give the same record or the same error, with the client's
 * mapper and with a plain one.
 */
class DeltaDecodingTests {

	private static final JsonMapper PLAIN = JsonMapper.builder().build();

	private static final JsonMapper CLIENT = JsonMapper.builder().addModule(new RecordCreatorModule()).build();

	static Stream<Arguments> mappers() {
		return Stream.of(Arguments.of(PLAIN), Arguments.of(CLIENT));
	}

	static Stream<Arguments> stringDeltas() {
		return Stream.of(Arguments.of("text_delta", "text", TextDelta.class),
				Arguments.of("input_json_delta", "partial_json", InputJsonDelta.class),
				Arguments.of("thinking_delta", "thinking", ThinkingDelta.class),
				Arguments.of("signature_delta", "signature", SignatureDelta.class));
	}

	static Stream<Arguments> stringDeltasWithMappers() {
		return stringDeltas().flatMap((delta) -> Stream.of(PLAIN, CLIENT)
			.map((mapper) -> Arguments.of(delta.get()[0], delta.get()[1], delta.get()[2], mapper)));
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void shouldReadDeltaEventTheSameWhereverTheTypesStand(JsonMapper mapper) {
		String typeFirst = "{\"type\":\"content_block_delta\",\"a\":1,\"index\":2,\"b\":{\"c\":[1,{\"d\":null,\"type\":\"x\"}]},"
				+ "\"delta\":{\"type\":\"text_delta\",\"x\":[1,{\"y\":{}}],\"text\":\"Hi\",\"z\":{\"w\":[true]}},\"e\":\"f\"}";
		String typeMiddle = "{\"a\":1,\"index\":2,\"type\":\"content_block_delta\",\"b\":{\"c\":[1,{\"d\":null,\"type\":\"x\"}]},"
				+ "\"delta\":{\"x\":[1,{\"y\":{}}],\"type\":\"text_delta\",\"text\":\"Hi\",\"z\":{\"w\":[true]}},\"e\":\"f\"}";
		String typeLast = "{\"a\":1,\"index\":2,\"b\":{\"c\":[1,{\"d\":null,\"type\":\"x\"}]},"
				+ "\"delta\":{\"x\":[1,{\"y\":{}}],\"text\":\"Hi\",\"z\":{\"w\":[true]},\"type\":\"text_delta\"},\"e\":\"f\",\"type\":\"content_block_delta\"}";
		ContentBlockDeltaEvent expected = new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, 2,
				new TextDelta(TextDelta.TYPE, "Hi",
						Map.of("x", PLAIN.readTree("[1,{\"y\":{}}]"), "z", PLAIN.readTree("{\"w\":[true]}"))),
				Map.of("a", PLAIN.readTree("1"), "b", PLAIN.readTree("{\"c\":[1,{\"d\":null,\"type\":\"x\"}]}"), "e",
						PLAIN.readTree("\"f\"")));
		for (String json : List.of(typeFirst, typeMiddle, typeLast)) {
			assertThat(mapper.readValue(json, StreamEvent.class)).as(json).isEqualTo(expected);
			assertThat(mapper.readValue(json, ContentBlockDeltaEvent.class)).as(json).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void shouldLeaveTheParserAfterEachEventReadAfterItsType(JsonMapper mapper) {
		String json = "[{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"},\"q\":[{}]},"
				+ "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"b\",\"r\":{}}},"
				+ "{\"type\":\"content_block_stop\",\"index\":1}]";
		StreamEvent[] events = mapper.readValue(json, StreamEvent[].class);
		assertThat(events).containsExactly(
				new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, 0, new TextDelta(TextDelta.TYPE, "a"),
						Map.of("q", PLAIN.readTree("[{}]"))),
				new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, 1,
						new ThinkingDelta(ThinkingDelta.TYPE, "b", Map.of("r", PLAIN.readTree("{}")))),
				new ContentBlockStopEvent(ContentBlockStopEvent.TYPE, 1));
	}

	@ParameterizedTest
	@MethodSource("stringDeltasWithMappers")
	void shouldReadStringDeltaTheSameWhereverTheTypeStands(String type, String property, Class<? extends Delta> member,
			JsonMapper mapper) {
		String typeFirst = "{\"type\":\"" + type + "\",\"a\":{\"b\":[1,{\"c\":null}]},\"" + property + "\":\"v\",\"d\":2}";
		String typeMiddle = "{\"a\":{\"b\":[1,{\"c\":null}]},\"type\":\"" + type + "\",\"" + property + "\":\"v\",\"d\":2}";
		String typeLast = "{\"a\":{\"b\":[1,{\"c\":null}]},\"" + property + "\":\"v\",\"d\":2,\"type\":\"" + type + "\"}";
		Delta expected = PLAIN.readValue(typeFirst, member);
		assertThat(expected).isInstanceOf(member);
		assertThat(PLAIN.writeValueAsString(expected)).contains("\"" + property + "\":\"v\"");
		assertThat(expected).extracting("additionalProperties")
			.isEqualTo(Map.of("a", PLAIN.readTree("{\"b\":[1,{\"c\":null}]}"), "d", PLAIN.readTree("2")));
		for (String json : List.of(typeFirst, typeMiddle, typeLast)) {
			assertThat(mapper.readValue(json, Delta.class)).as(json).isEqualTo(expected);
			assertThat(mapper.readValue(json, member)).as(json).isEqualTo(expected);
			assertThat(mapper.readValue(deltaEvent(json), StreamEvent.class)).as(json)
				.isEqualTo(new ContentBlockDeltaEvent(ContentBlockDeltaEvent.TYPE, 4, expected));
		}
	}

	@ParameterizedTest
	@MethodSource("stringDeltasWithMappers")
	void shouldReadStringDeltaWithOnlyItsTypeAndValueOrNull(String type, String property, Class<? extends Delta> member,
			JsonMapper mapper) {
		for (String value : List.of("\"v\"", "null")) {
			String typeFirst = "{\"type\":\"" + type + "\",\"" + property + "\":" + value + "}";
			String typeLast = "{\"" + property + "\":" + value + ",\"type\":\"" + type + "\"}";
			Delta expected = mapper.readValue(typeLast, Delta.class);
			assertThat(expected).isInstanceOf(member).extracting("additionalProperties").isEqualTo(Map.of());
			assertThat(mapper.readValue(typeFirst, Delta.class)).isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@MethodSource("stringDeltasWithMappers")
	void shouldReportAWrongTypedStringTheSameWhereverTheTypeStands(String type, String property,
			Class<? extends Delta> member, JsonMapper mapper) {
		assertSameError(mapper, "{\"type\":\"" + type + "\",\"x\":{},\"" + property + "\":7}",
				"{\"x\":{},\"" + property + "\":7,\"type\":\"" + type + "\"}",
				"Expected a string for '" + property + "' but found VALUE_NUMBER_INT");
		assertSameError(mapper, "{\"type\":\"" + type + "\",\"" + property + "\":{\"a\":\"b\"}}",
				"{\"" + property + "\":{\"a\":\"b\"},\"type\":\"" + type + "\"}",
				"Expected a string for '" + property + "' but found START_OBJECT");
	}

	@ParameterizedTest
	@MethodSource("stringDeltasWithMappers")
	void shouldReportAMissingStringTheSameWhereverTheTypeStands(String type, String property,
			Class<? extends Delta> member, JsonMapper mapper) {
		assertSameError(mapper, "{\"type\":\"" + type + "\",\"x\":{\"" + property + "\":\"nested\"}}",
				"{\"x\":{\"" + property + "\":\"nested\"},\"type\":\"" + type + "\"}",
				"Missing required creator property '" + property + "'");
		assertSameError(mapper, "{\"type\":\"" + type + "\"}", "{\"type\":\"" + type + "\"}",
				"Missing required creator property '" + property + "'");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void shouldReportDeltaEventErrorsTheSameWhereverTheTypeStands(JsonMapper mapper) {
		assertSameEventError(mapper, "{\"type\":\"content_block_delta\",\"index\":\"0\",\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}",
				"{\"index\":\"0\",\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"},\"type\":\"content_block_delta\"}",
				"Expected an integer for 'index' but found VALUE_STRING");
		assertSameEventError(mapper, "{\"type\":\"content_block_delta\",\"x\":{\"delta\":{}},\"index\":0}",
				"{\"x\":{\"delta\":{}},\"index\":0,\"type\":\"content_block_delta\"}",
				"Missing required creator property 'delta'");
		assertSameEventError(mapper, "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":null}",
				"{\"index\":0,\"delta\":null,\"type\":\"content_block_delta\"}", "Missing required creator property 'delta'");
		assertSameEventError(mapper, "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}",
				"{\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"},\"type\":\"content_block_delta\"}",
				"Missing required creator property 'index'");
		assertSameEventError(mapper, "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":1}}",
				"{\"index\":0,\"delta\":{\"text\":1,\"type\":\"text_delta\"},\"type\":\"content_block_delta\"}",
				"Expected a string for 'text' but found VALUE_NUMBER_INT");
		assertSameEventError(mapper, "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\"}}",
				"{\"index\":0,\"delta\":{\"type\":\"text_delta\"},\"type\":\"content_block_delta\"}",
				"Missing required creator property 'text'");
	}

	@ParameterizedTest
	@MethodSource("mappers")
	void shouldReportAValueThatIsNotAnObjectWithWhatWasExpected(JsonMapper mapper) {
		JacksonException event = catchThrowableOfType(JacksonException.class,
				() -> mapper.readValue("[0]", ContentBlockDeltaEvent.class));
		assertThat(event).isNotNull();
		assertThat(event.getOriginalMessage()).isEqualTo("Expected a JSON object for a content_block_delta but found START_ARRAY");
		for (Class<? extends Delta> member : List.of(TextDelta.class, InputJsonDelta.class, ThinkingDelta.class,
				SignatureDelta.class)) {
			JacksonException delta = catchThrowableOfType(JacksonException.class, () -> mapper.readValue("\"x\"", member));
			assertThat(delta).as(member.getSimpleName()).isNotNull();
			assertThat(delta.getOriginalMessage()).isEqualTo("Expected a JSON object for a delta but found VALUE_STRING");
		}
	}

	@Test
	void shouldHandTheUnionDeserializersThatContinueAfterTheType() {
		for (JsonMapper mapper : List.of(PLAIN, CLIENT)) {
			List<ValueDeserializer<?>> found = mapper.readValue("{}", MemberDeserializers.class).deserializers();
			assertThat(found).hasSize(5).allSatisfy((deserializer) -> assertThat(deserializer)
				.isInstanceOf(DiscriminatedMemberDeserializer.class));
		}
	}

	private static String deltaEvent(String delta) {
		return "{\"type\":\"content_block_delta\",\"index\":4,\"delta\":" + delta + "}";
	}

	private static void assertSameError(JsonMapper mapper, String typeFirst, String typeLast, String message) {
		assertSameError(mapper, typeFirst, typeLast, message, Delta.class);
		assertSameEventError(mapper, deltaEvent(typeFirst), deltaEvent(typeLast), message);
	}

	private static void assertSameEventError(JsonMapper mapper, String typeFirst, String typeLast, String message) {
		assertSameError(mapper, typeFirst, typeLast, message, StreamEvent.class);
	}

	private static void assertSameError(JsonMapper mapper, String typeFirst, String typeLast, String message,
			Class<?> union) {
		JacksonException first = catchThrowableOfType(JacksonException.class, () -> mapper.readValue(typeFirst, union));
		JacksonException last = catchThrowableOfType(JacksonException.class, () -> mapper.readValue(typeLast, union));
		assertThat(first).as(typeFirst).isNotNull();
		assertThat(last).as(typeLast).isNotNull();
		assertThat(first.getOriginalMessage()).as(typeFirst).isEqualTo(message);
		assertThat(last.getOriginalMessage()).as(typeLast).isEqualTo(message);
		assertThat(first.getClass()).isEqualTo(last.getClass());
	}

	/**
	 * The deserializers a union is handed for the hand-written members, found in a deserializer's
	 * context as {@code DiscriminatedUnionDeserializer} finds them.
	 */
	@JsonDeserialize(using = MemberDeserializersProbe.class)
	record MemberDeserializers(List<ValueDeserializer<?>> deserializers) {

	}

	static final class MemberDeserializersProbe extends ValueDeserializer<MemberDeserializers> {

		@Override
		public MemberDeserializers deserialize(JsonParser parser, DeserializationContext context) {
			parser.skipChildren();
			return new MemberDeserializers(Stream
				.of(ContentBlockDeltaEvent.class, TextDelta.class, InputJsonDelta.class, ThinkingDelta.class,
						SignatureDelta.class)
				.<ValueDeserializer<?>>map((type) -> context.findRootValueDeserializer(context.constructType(type)))
				.toList());
		}

	}

}
