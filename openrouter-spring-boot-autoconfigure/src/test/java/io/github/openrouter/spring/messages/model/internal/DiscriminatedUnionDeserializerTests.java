package io.github.openrouter.spring.messages.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.openrouter.spring.messages.model.ContextEdit;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.ThinkingConfig;
import io.github.openrouter.spring.messages.model.content.BlockSource;
import io.github.openrouter.spring.messages.model.content.Citation;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.content.UnknownContentBlock;
import io.github.openrouter.spring.messages.model.routing.Plugin;
import io.github.openrouter.spring.messages.model.routing.StopServerToolsCondition;
import io.github.openrouter.spring.messages.model.stream.Delta;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.model.tool.Tool;
import io.github.openrouter.spring.messages.model.tool.ToolChoice;
import io.github.openrouter.spring.messages.model.tool.UnknownTool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link DiscriminatedUnionDeserializer}: the unbuffered path taken when the
 * discriminator is the first property must give the same results as the buffered path taken
 * otherwise.
 */
class DiscriminatedUnionDeserializerTests {

	private static final Set<String> DISCRIMINATORS = Set.of("type", "id");

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** Reorders trees without touching numbers, so both orders carry the same digits. */
	private final JsonMapper exactTreeMapper = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	static Stream<Arguments> unionValues() {
		return Stream.of(
				Arguments.of(ContentBlock.class,
						"{\"type\":\"text\",\"text\":\"hi\",\"citations\":[{\"type\":\"char_location\",\"cited_text\":\"a\",\"document_index\":0,"
								+ "\"document_title\":\"t\",\"start_char_index\":1,\"end_char_index\":2},{\"type\":\"web_search_result_location\","
								+ "\"cited_text\":\"a\",\"encrypted_index\":\"e\",\"title\":\"t\",\"url\":\"https://x\"},{\"type\":\"future_location\",\"at\":[1,2]}]}"),
				Arguments.of(ContentBlock.class,
						"{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\",\"days\":[1,2,{\"type\":\"x\","
								+ "\"deep\":[[],{}]}],\"nested\":{\"type\":\"object\",\"a\":null}},\"caller\":{\"type\":\"code_execution_20250825\",\"tool_id\":\"s\"}}"),
				Arguments.of(ContentBlock.class,
						"{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"18C\"},"
								+ "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x/y.png\"}},{\"type\":\"tool_reference\",\"tool_name\":\"x\"}],"
								+ "\"cache_control\":{\"type\":\"ephemeral\"}}"),
				Arguments.of(ContentBlock.class,
						"{\"type\":\"document\",\"source\":{\"type\":\"content\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
								+ "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBOR\"}}]},\"title\":\"Doc\"}"),
				Arguments.of(ContentBlock.class,
						"{\"type\":\"web_fetch_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"web_fetch_result\",\"url\":\"https://x\","
								+ "\"retrieved_at\":null,\"content\":{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"d\"}}}}"),
				Arguments.of(ContentBlock.class,
						"{\"type\":\"future_block\",\"a\":{\"b\":[1,{\"type\":\"x\",\"c\":[true,null,2.50]}]},\"d\":\"e\",\"f\":[]}"),
				Arguments.of(ContentBlock.class, "{\"type\":5,\"text\":\"x\"}"),
				Arguments.of(ContentBlock.class, "{\"text\":\"no type\"}"),
				Arguments.of(ContentBlock.class, "{}"),
				Arguments.of(StreamEvent.class,
						"{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
								+ "\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"new_block\",\"x\":{\"y\":[1]}},{\"type\":\"thinking\","
								+ "\"thinking\":\"t\",\"signature\":\"s\"}],\"stop_reason\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1,"
								+ "\"cost\":0.12345678901234567890123}}}"),
				Arguments.of(StreamEvent.class,
						"{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{}}}"),
				Arguments.of(StreamEvent.class,
						"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}"),
				Arguments.of(StreamEvent.class,
						"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\",\"citation\":{\"type\":\"page_location\","
								+ "\"cited_text\":\"c\",\"document_index\":0,\"document_title\":null,\"start_page_number\":1,\"end_page_number\":2}}}"),
				Arguments.of(StreamEvent.class, "{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"new_delta\",\"x\":[1,{\"y\":2}]}}"),
				Arguments.of(StreamEvent.class,
						"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"refusal\",\"stop_details\":{\"type\":\"refusal\",\"category\":\"cyber\","
								+ "\"explanation\":null}},\"usage\":{\"output_tokens\":7,\"cost\":0.00120}}"),
				Arguments.of(StreamEvent.class,
						"{\"type\":\"message_stop\",\"openrouter_metadata\":{\"requested\":\"a/b\",\"strategy\":\"fallback\",\"attempt\":2,"
								+ "\"pipeline\":[{\"type\":\"plugin\",\"name\":\"web\",\"cost_usd\":0.01},{\"type\":\"future_stage\",\"data\":{\"k\":[1]}}]}}"),
				Arguments.of(StreamEvent.class,
						"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\",\"error_type\":\"provider_overloaded\"}}"),
				Arguments.of(StreamEvent.class, "{\"type\":\"ping\",\"sequence\":4}"),
				Arguments.of(StreamEvent.class, "{\"type\":\"message_checkpoint\",\"data\":{\"n\":1,\"list\":[{\"type\":\"z\"}]}}"),
				Arguments.of(Delta.class, "{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\":\"}"),
				Arguments.of(Tool.class,
						"{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"allowed_domains\":[\"a.com\"],\"max_uses\":3,"
								+ "\"user_location\":{\"type\":\"approximate\",\"city\":\"Paris\",\"country\":\"FR\"}}"),
				Arguments.of(Tool.class, "{\"type\":\"openrouter:web_search\",\"parameters\":{\"max_results\":5,\"engine\":\"exa\"}}"),
				Arguments.of(Tool.class, "{\"type\":\"custom\",\"name\":\"t\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}}"),
				Arguments.of(Tool.class, "{\"type\":\"custom\",\"name\":\"t\"}"),
				Arguments.of(Tool.class, "{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}"),
				Arguments.of(Tool.class, "{\"type\":\"computer_20250124\",\"name\":\"computer\",\"display_width_px\":1024}"),
				Arguments.of(ToolChoice.class, "{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":true}"),
				Arguments.of(Plugin.class, "{\"id\":\"web\",\"enabled\":true,\"engine\":\"exa\",\"max_results\":5}"),
				Arguments.of(Plugin.class, "{\"id\":\"brand-new\",\"knob\":{\"level\":11}}"),
				Arguments.of(StopServerToolsCondition.class, "{\"type\":\"max_cost\",\"max_cost_in_dollars\":0.5}"),
				Arguments.of(Citation.class, "{\"type\":\"search_result_location\",\"cited_text\":\"a\",\"search_result_index\":0,\"source\":\"s\"}"),
				Arguments.of(BlockSource.class, "{\"type\":\"file\",\"file_id\":\"or_file_1\"}"),
				Arguments.of(ThinkingConfig.class, "{\"type\":\"enabled\",\"budget_tokens\":1024}"),
				Arguments.of(ContextEdit.class, "{\"type\":\"clear_tool_uses_20250919\",\"trigger\":{\"type\":\"input_tokens\",\"value\":30000}}"));
	}

	@ParameterizedTest
	@MethodSource("unionValues")
	void shouldReadSameValueWhereverTheDiscriminatorStands(Class<?> union, String json) {
		Object typeFirst = this.mapper.readValue(json, union);
		JsonNode tree = this.exactTreeMapper.readTree(json);
		assertThat(read(moveDiscriminators(tree, Integer.MAX_VALUE, false), union)).isEqualTo(typeFirst);
		assertThat(read(moveDiscriminators(tree, 1, false), union)).isEqualTo(typeFirst);
		assertThat(read(moveDiscriminators(tree, Integer.MAX_VALUE, true), union)).isEqualTo(typeFirst);
		assertThat(read(moveDiscriminators(tree, 1, true), union)).isEqualTo(typeFirst);
	}

	@ParameterizedTest
	@MethodSource("unionValues")
	void shouldWriteTheSameWhereverTheDiscriminatorStoodAndReadItBackUnchanged(Class<?> union, String json) {
		Object typeFirst = this.mapper.readValue(json, union);
		Object typeLast = read(moveDiscriminators(this.exactTreeMapper.readTree(json), Integer.MAX_VALUE, true), union);
		String written = this.mapper.writeValueAsString(typeFirst);
		assertThat(this.mapper.readTree(written)).isEqualTo(this.mapper.readTree(this.mapper.writeValueAsString(typeLast)));
		assertThat(this.mapper.readValue(written, union)).isEqualTo(typeFirst);
		assertThat(this.mapper.writeValueAsString(this.mapper.readValue(written, union))).isEqualTo(written);
	}

	@Test
	void shouldKeepUnknownValueByteForByteWhateverTheOrder() {
		String typeFirst = "{\"type\":\"future_block\",\"z\":{\"b\":[1,{\"type\":\"x\"}]},\"a\":\"e\"}";
		String typeMiddle = "{\"z\":{\"b\":[1,{\"type\":\"x\"}]},\"type\":\"future_block\",\"a\":\"e\"}";
		String typeLast = "{\"z\":{\"b\":[1,{\"type\":\"x\"}]},\"a\":\"e\",\"type\":\"future_block\"}";
		for (String json : List.of(typeFirst, typeMiddle, typeLast)) {
			ContentBlock block = this.mapper.readValue(json, ContentBlock.class);
			assertThat(block).isInstanceOf(UnknownContentBlock.class);
			assertThat(block.type()).isEqualTo("future_block");
			assertThat(this.mapper.writeValueAsString(block)).isEqualTo(json);
		}
	}

	@Test
	void shouldContinueWithTheEnclosingObjectAfterEachUnionValue() {
		String json = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":["
				+ "{\"type\":\"text\",\"text\":\"a\",\"citations\":[{\"type\":\"char_location\",\"cited_text\":\"c\",\"start_char_index\":4}]},"
				+ "{\"type\":\"new_block\",\"x\":{\"y\":[1,{\"z\":{}}]}},"
				+ "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"n\",\"input\":{\"k\":[{\"type\":\"v\"}]}}],"
				+ "\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":9},\"provider\":\"P\"}";
		MessageResponse response = this.mapper.readValue(json, MessageResponse.class);
		assertThat(response.content()).hasSize(3);
		assertThat(response.content().get(0)).isInstanceOf(TextBlock.class);
		assertThat(response.content().get(1)).isInstanceOf(UnknownContentBlock.class);
		assertThat(response.content().get(2)).isInstanceOfSatisfying(ToolUseBlock.class,
				(block) -> assertThat(block.input().get("k").get(0).get("type").stringValue()).isEqualTo("v"));
		assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(response.usage().outputTokens()).isEqualTo(9);
		assertThat(response.provider()).isEqualTo("P");
		assertThat(read(moveDiscriminators(this.exactTreeMapper.readTree(json), Integer.MAX_VALUE, true), MessageResponse.class))
			.isEqualTo(response);
	}

	@Test
	void shouldReadCustomToolByItsPropertiesEvenWhenTypeComesFirst() {
		assertThat(this.mapper.readValue("{\"type\":\"custom\",\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}", Tool.class))
			.isInstanceOf(CustomTool.class);
		assertThat(this.mapper.readValue("{\"type\":\"custom\",\"name\":\"t\"}", Tool.class)).isInstanceOf(UnknownTool.class);
	}

	@Test
	void shouldReadNullUnionValueAsNull() {
		assertThat(this.mapper.readValue("null", ContentBlock.class)).isNull();
		assertThat(this.mapper.readValue("null", StreamEvent.class)).isNull();
	}

	@Test
	void shouldReportTheSameErrorOnBothPaths() {
		String typeFirst = "{\"type\":\"text\",\"text\":\"hi\",\"citations\":{\"not\":\"a list\"}}";
		String typeLast = "{\"text\":\"hi\",\"citations\":{\"not\":\"a list\"},\"type\":\"text\"}";
		JacksonException first = catchThrowableOfType(JacksonException.class,
				() -> this.mapper.readValue(typeFirst, ContentBlock.class));
		JacksonException last = catchThrowableOfType(JacksonException.class,
				() -> this.mapper.readValue(typeLast, ContentBlock.class));
		assertThat(first).isNotNull();
		assertThat(first.getClass()).isEqualTo(last.getClass());
		assertThat(first.getOriginalMessage()).isEqualTo(last.getOriginalMessage());
		assertThat(first.getPathReference()).isEqualTo(last.getPathReference());
	}

	@Test
	void shouldFailOnTruncatedValueAfterTypeFirst() {
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"type\":\"text\",\"text\":\"hi\"", ContentBlock.class));
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.mapper.readValue("{\"type\":\"future\",\"a\":[1,", ContentBlock.class));
	}

	@ParameterizedTest
	@MethodSource("io.github.openrouter.spring.messages.model.ModelFixtureCorpus#fixtures")
	void shouldReadEveryFixtureTheSameWhereverTheDiscriminatorsStand(String name, Class<?> type, String json) {
		Object typeFirst = this.mapper.readValue(json, type);
		JsonNode tree = this.exactTreeMapper.readTree(json);
		assertThat(read(moveDiscriminators(tree, Integer.MAX_VALUE, true), type)).as(name).isEqualTo(typeFirst);
		assertThat(read(moveDiscriminators(tree, 1, true), type)).as(name).isEqualTo(typeFirst);
	}

	@Test
	void shouldSkipBufferingOnlyWhenTheDiscriminatorComesFirst() {
		read("{\"type\":\"circle\",\"radius\":2,\"inner\":[{\"type\":\"circle\",\"radius\":1,\"inner\":[]}]}", Shape.class);
		assertThat(ShapeDeserializer.seenPropertyNames).containsExactly(Set.of(), Set.of());
		ShapeDeserializer.seenPropertyNames.clear();
		Shape shape = read("{\"radius\":2,\"type\":\"circle\",\"inner\":[{\"inner\":[],\"radius\":1,\"type\":\"circle\"}]}", Shape.class);
		assertThat(ShapeDeserializer.seenPropertyNames).containsExactlyInAnyOrder(Set.of("type", "radius", "inner"),
				Set.of("type", "radius", "inner"));
		assertThat(shape).isEqualTo(new Circle("circle", 2, List.of(new Circle("circle", 1, List.of()))));
	}

	@Test
	void shouldBufferWhenTheMemberDependsOnThePropertyNames() {
		Shape shape = read("{\"type\":\"square\",\"side\":3}", Shape.class);
		assertThat(ShapeDeserializer.seenPropertyNames).containsExactly(Set.of("type", "side"));
		assertThat(shape).isEqualTo(new Square("square", 3));
		assertThat(read("{\"type\":\"square\",\"edge\":3}", Shape.class)).isInstanceOf(UnknownShape.class);
	}

	@Test
	void shouldKeepUnknownShapeUnbufferedAndUnchanged() {
		String json = "{\"type\":\"hexagon\",\"sides\":[1,2,3],\"meta\":{\"a\":null}}";
		Shape shape = read(json, Shape.class);
		assertThat(ShapeDeserializer.seenPropertyNames).containsExactly(Set.of());
		assertThat(this.mapper.writeValueAsString(shape)).isEqualTo(json);
	}

	@Test
	void shouldLetAMemberContinueAfterTheDiscriminatorOnlyWhenItComesFirst() {
		assertThat(read("{\"type\":\"triangle\",\"x\":{\"base\":9},\"base\":3}", Shape.class)).isEqualTo(new Triangle(3));
		assertThat(TriangleDeserializer.entries).containsExactly("after VALUE_STRING type=triangle");
		TriangleDeserializer.entries.clear();
		assertThat(read("{\"base\":3,\"type\":\"triangle\"}", Shape.class)).isEqualTo(new Triangle(3));
		assertThat(TriangleDeserializer.entries).containsExactly("whole START_OBJECT");
	}

	@Test
	void shouldContinueAfterTheDiscriminatorInsideAMemberReadThroughTheReplay() {
		Shape shape = read("{\"type\":\"circle\",\"radius\":1,\"inner\":[{\"type\":\"triangle\",\"base\":2},"
				+ "{\"type\":\"circle\",\"radius\":3,\"inner\":[]},{\"type\":\"triangle\",\"base\":4}]}", Shape.class);
		assertThat(shape).isEqualTo(new Circle("circle", 1,
				List.of(new Triangle(2), new Circle("circle", 3, List.of()), new Triangle(4))));
		assertThat(TriangleDeserializer.entries).containsExactly("after VALUE_STRING type=triangle",
				"after VALUE_STRING type=triangle");
	}

	@Test
	void shouldReadEachMemberAsItsOwnTypeWhenTypesAlternate() throws Exception {
		String json = "[{\"type\":\"circle\",\"radius\":1,\"inner\":[]},{\"type\":\"triangle\",\"base\":2},"
				+ "{\"type\":\"triangle\",\"base\":3},{\"type\":\"circle\",\"radius\":4,\"inner\":[]},{\"type\":\"hexagon\"}]";
		List<Shape> expected = List.of(new Circle("circle", 1, List.of()), new Triangle(2), new Triangle(3),
				new Circle("circle", 4, List.of()), new UnknownShape(this.mapper.readTree("{\"type\":\"hexagon\"}")));
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < 4; i++) {
			Thread thread = new Thread(() -> {
				try {
					for (int n = 0; n < 500; n++) {
						assertThat(this.mapper.readValue(json, Shape[].class)).containsExactlyElementsOf(expected);
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failures).isEmpty();
	}

	@BeforeEach
	void clearSeenPropertyNames() {
		ShapeDeserializer.seenPropertyNames.clear();
		TriangleDeserializer.entries.clear();
	}

	private <T> T read(String json, Class<T> type) {
		return this.mapper.readValue(json, type);
	}

	private <T> T read(JsonNode tree, Class<T> type) {
		return this.mapper.readValue(this.exactTreeMapper.writeValueAsString(tree), type);
	}

	/**
	 * Returns a copy of a tree with each discriminator property of the top-level object (or of
	 * every object) moved to the given position among the object's properties.
	 */
	private JsonNode moveDiscriminators(JsonNode node, int position, boolean everyObject) {
		return move(node, position, everyObject, true);
	}

	private JsonNode move(JsonNode node, int position, boolean everyObject, boolean top) {
		if (node.isArray()) {
			List<JsonNode> elements = new ArrayList<>();
			node.values().forEach((element) -> elements.add(move(element, position, everyObject, false)));
			return this.exactTreeMapper.createArrayNode().addAll(elements);
		}
		if (!node.isObject() || (!top && !everyObject)) {
			return node;
		}
		List<Map.Entry<String, JsonNode>> others = new ArrayList<>();
		List<Map.Entry<String, JsonNode>> discriminators = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			JsonNode value = move(property.getValue(), position, everyObject, false);
			(DISCRIMINATORS.contains(property.getKey()) ? discriminators : others).add(Map.entry(property.getKey(), value));
		}
		int at = Math.min(position, others.size());
		List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>(others.subList(0, at));
		ordered.addAll(discriminators);
		ordered.addAll(others.subList(at, others.size()));
		ObjectNode moved = this.exactTreeMapper.createObjectNode();
		ordered.forEach((property) -> moved.set(property.getKey(), property.getValue()));
		return moved;
	}

	@JsonDeserialize(using = ShapeDeserializer.class)
	sealed interface Shape permits Circle, Square, Triangle, UnknownShape {

	}

	@JsonDeserialize(using = ValueDeserializer.None.class)
	record Circle(@JsonProperty("type") String type, @JsonProperty("radius") int radius,
			@JsonProperty("inner") List<Shape> inner) implements Shape {

	}

	@JsonDeserialize(using = ValueDeserializer.None.class)
	record Square(@JsonProperty("type") String type, @JsonProperty("side") int side) implements Shape {

	}

	@JsonDeserialize(using = TriangleDeserializer.class)
	record Triangle(int base) implements Shape {

	}

	/**
	 * Reads a {@link Triangle} by hand, ignoring its {@code type}, and records how it was entered.
	 */
	static final class TriangleDeserializer extends DiscriminatedMemberDeserializer<Triangle> {

		static final List<String> entries = Collections.synchronizedList(new ArrayList<>());

		TriangleDeserializer() {
			super("a triangle");
		}

		@Override
		public Triangle deserialize(JsonParser parser, DeserializationContext context) {
			entries.add("whole " + parser.currentToken());
			return super.deserialize(parser, context);
		}

		@Override
		public Triangle deserializeAfterDiscriminator(JsonParser parser, DeserializationContext context) {
			entries.add("after " + parser.currentToken() + " " + parser.currentName() + "=" + parser.getString());
			return super.deserializeAfterDiscriminator(parser, context);
		}

		@Override
		protected Triangle readProperties(JsonParser parser, DeserializationContext context, @Nullable JsonToken token) {
			int base = -1;
			for (; token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				parser.nextToken();
				if ("base".equals(name)) {
					base = parser.getIntValue();
				}
				else {
					parser.skipChildren();
				}
			}
			return new Triangle(base);
		}

	}

	@JsonDeserialize(using = ValueDeserializer.None.class)
	record UnknownShape(@JsonValue JsonNode json) implements Shape {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		UnknownShape {
		}

	}

	/**
	 * A union whose {@code square} member is recognised by its {@code side} property, and that
	 * records the property names it is given.
	 */
	static final class ShapeDeserializer extends DiscriminatedUnionDeserializer<Shape> {

		static final List<Set<String>> seenPropertyNames = Collections.synchronizedList(new ArrayList<>());

		ShapeDeserializer() {
			super("type");
		}

		@Override
		protected @Nullable Class<? extends Shape> memberType(@Nullable String type, Set<String> propertyNames) {
			seenPropertyNames.add(Set.copyOf(propertyNames));
			if ("square".equals(type)) {
				return propertyNames.contains("side") ? Square.class : null;
			}
			if ("triangle".equals(type)) {
				return Triangle.class;
			}
			return "circle".equals(type) ? Circle.class : null;
		}

		@Override
		protected boolean choosesByDiscriminatorAlone(String type) {
			return !"square".equals(type);
		}

		@Override
		protected Shape unknown(JsonNode json) {
			return new UnknownShape(json);
		}

	}

}
