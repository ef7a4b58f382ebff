package io.github.openrouter.spring.messages.model.tool;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Tool}.
 */
class ToolTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Arguments> typedTools() {
		return Stream.of(
				Arguments.of(CustomTool.class,
						"{\"name\":\"get_weather\",\"description\":\"Weather\",\"input_schema\":{\"type\":\"object\",\"properties\":"
								+ "{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]},\"cache_control\":{\"type\":\"ephemeral\"},"
								+ "\"defer_loading\":true,\"strict\":true}"),
				Arguments.of(CustomTool.class, "{\"type\":\"custom\",\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}"),
				Arguments.of(BashTool.class, "{\"type\":\"bash_20250124\",\"name\":\"bash\"}"),
				Arguments.of(TextEditorTool.class,
						"{\"type\":\"text_editor_20250124\",\"name\":\"str_replace_editor\",\"cache_control\":{\"type\":\"ephemeral\"}}"),
				Arguments.of(WebSearchTool.class,
						"{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"allowed_domains\":[\"a.com\"],\"blocked_domains\":[\"b.com\"],"
								+ "\"max_uses\":3,\"user_location\":{\"type\":\"approximate\",\"city\":\"Paris\",\"region\":\"IDF\",\"country\":\"FR\","
								+ "\"timezone\":\"Europe/Paris\"}}"),
				Arguments.of(WebSearchTool.class,
						"{\"type\":\"web_search_20260209\",\"name\":\"web_search\",\"allowed_callers\":[\"direct\",\"code_execution_20260120\"]}"),
				Arguments.of(AdvisorTool.class,
						"{\"type\":\"advisor_20260301\",\"name\":\"advisor\",\"model\":\"claude-opus-4\",\"max_uses\":2,\"caching\":{\"type\":\"ephemeral\","
								+ "\"ttl\":\"5m\"},\"allowed_callers\":[\"direct\"],\"defer_loading\":false}"),
				Arguments.of(ToolSearchTool.class, "{\"type\":\"tool_search_tool_bm25\",\"name\":\"tool_search_tool_bm25\"}"),
				Arguments.of(ToolSearchTool.class,
						"{\"type\":\"tool_search_tool_regex_20251119\",\"name\":\"tool_search_tool_regex\",\"strict\":true,\"defer_loading\":true}"),
				Arguments.of(OpenRouterServerTool.class,
						"{\"type\":\"openrouter:web_search\",\"parameters\":{\"max_results\":5,\"engine\":\"exa\"}}"),
				Arguments.of(OpenRouterServerTool.class, "{\"type\":\"openrouter:datetime\"}"),
				Arguments.of(OpenRouterServerTool.class, "{\"type\":\"openrouter:some_future_tool\",\"parameters\":{}}"));
	}

	@ParameterizedTest
	@MethodSource("typedTools")
	void shouldReadTypedToolAndWriteItBackUnchanged(Class<? extends Tool> expectedType, String json) {
		Tool tool = this.mapper.readValue(json, Tool.class);
		assertThat(tool).isInstanceOf(expectedType);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(tool))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldKeepUnknownToolAsRawJson() {
		String json = "{\"type\":\"computer_20250124\",\"name\":\"computer\",\"display_width_px\":1024,\"display_height_px\":768}";
		Tool tool = this.mapper.readValue(json, Tool.class);
		assertThat(tool).isInstanceOf(UnknownTool.class);
		assertThat(tool.type()).isEqualTo("computer_20250124");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(tool))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldKeepNewVersionOfKnownToolAsRawJson() {
		String json = "{\"type\":\"text_editor_20250728\",\"name\":\"str_replace_based_edit_tool\",\"max_characters\":10000}";
		Tool tool = this.mapper.readValue(json, Tool.class);
		assertThat(tool).isInstanceOf(UnknownTool.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(tool))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldReadCustomToolWithoutType() {
		CustomTool tool = (CustomTool) this.mapper.readValue("{\"name\":\"n\",\"input_schema\":{\"type\":\"object\"}}", Tool.class);
		assertThat(tool.type()).isNull();
		assertThat(tool.name()).isEqualTo("n");
		assertThat(tool.inputSchema().get("type").stringValue()).isEqualTo("object");
	}

	@Test
	void shouldWriteFactoriesAsDocumented() {
		assertThat(this.mapper.writeValueAsString(CustomTool.of("n", "d", this.mapper.readTree("{\"type\":\"object\"}"))))
			.isEqualTo("{\"name\":\"n\",\"description\":\"d\",\"input_schema\":{\"type\":\"object\"}}");
		assertThat(this.mapper.writeValueAsString(OpenRouterServerTool.webSearch())).isEqualTo("{\"type\":\"openrouter:web_search\"}");
		assertThat(this.mapper.writeValueAsString(BashTool.of())).isEqualTo("{\"type\":\"bash_20250124\",\"name\":\"bash\"}");
		assertThat(this.mapper.writeValueAsString(WebSearchTool.of(2)))
			.isEqualTo("{\"type\":\"web_search_20250305\",\"name\":\"web_search\",\"max_uses\":2}");
	}

	static Stream<Arguments> toolChoices() {
		return Stream.of(Arguments.of(AutoToolChoice.class, "{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"),
				Arguments.of(AnyToolChoice.class, "{\"type\":\"any\"}"), Arguments.of(NoneToolChoice.class, "{\"type\":\"none\"}"),
				Arguments.of(NamedToolChoice.class, "{\"type\":\"tool\",\"name\":\"get_weather\",\"disable_parallel_tool_use\":false}"),
				Arguments.of(UnknownToolChoice.class, "{\"type\":\"required_later\",\"x\":[1]}"));
	}

	@ParameterizedTest
	@MethodSource("toolChoices")
	void shouldReadToolChoiceAndWriteItBackUnchanged(Class<? extends ToolChoice> expectedType, String json) {
		ToolChoice choice = this.mapper.readValue(json, ToolChoice.class);
		assertThat(choice).isInstanceOf(expectedType);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(choice))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldWriteToolChoiceFactories() {
		assertThat(this.mapper.writeValueAsString(ToolChoice.auto())).isEqualTo("{\"type\":\"auto\"}");
		assertThat(this.mapper.writeValueAsString(ToolChoice.any())).isEqualTo("{\"type\":\"any\"}");
		assertThat(this.mapper.writeValueAsString(ToolChoice.none())).isEqualTo("{\"type\":\"none\"}");
		assertThat(this.mapper.writeValueAsString(ToolChoice.tool("t"))).isEqualTo("{\"type\":\"tool\",\"name\":\"t\"}");
	}

}
