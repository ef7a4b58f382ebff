package io.github.openrouter.spring.messages.model.content;

import java.util.List;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.model.CacheControl;
import io.github.openrouter.spring.messages.model.MessageContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link ContentBlock}.
 */
class ContentBlockTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	static Stream<Arguments> typedBlocks() {
		return Stream.of(Arguments.of(TextBlock.class,
				"{\"type\":\"text\",\"text\":\"hi\",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"},\"citations\":["
						+ "{\"type\":\"char_location\",\"cited_text\":\"a\",\"document_index\":0,\"document_title\":\"t\",\"start_char_index\":1,\"end_char_index\":2,\"file_id\":\"f\"},"
						+ "{\"type\":\"page_location\",\"cited_text\":\"a\",\"document_index\":0,\"document_title\":null,\"start_page_number\":1,\"end_page_number\":2},"
						+ "{\"type\":\"content_block_location\",\"cited_text\":\"a\",\"document_index\":1,\"document_title\":\"d\",\"start_block_index\":0,\"end_block_index\":1},"
						+ "{\"type\":\"web_search_result_location\",\"cited_text\":\"a\",\"encrypted_index\":\"e\",\"title\":\"t\",\"url\":\"https://x\"},"
						+ "{\"type\":\"search_result_location\",\"cited_text\":\"a\",\"search_result_index\":0,\"source\":\"s\",\"title\":\"t\",\"start_block_index\":0,\"end_block_index\":0}]}"),
				Arguments.of(TextBlock.class, "{\"type\":\"text\",\"text\":\"hi\",\"citations\":[]}"),
				Arguments.of(ImageBlock.class,
						"{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"iVBOR\"}}"),
				Arguments.of(ImageBlock.class,
						"{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x/y.png\"},\"cache_control\":{\"type\":\"ephemeral\"}}"),
				Arguments.of(DocumentBlock.class,
						"{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVBE\"},"
								+ "\"citations\":{\"enabled\":true},\"context\":\"ctx\",\"title\":\"Doc\"}"),
				Arguments.of(DocumentBlock.class,
						"{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"plain\"}}"),
				Arguments.of(DocumentBlock.class,
						"{\"type\":\"document\",\"source\":{\"type\":\"content\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
								+ "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x\"}}]}}"),
				Arguments.of(DocumentBlock.class, "{\"type\":\"document\",\"source\":{\"type\":\"content\",\"content\":\"inline\"}}"),
				Arguments.of(DocumentBlock.class, "{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://x/a.pdf\"}}"),
				Arguments.of(DocumentBlock.class, "{\"type\":\"document\",\"source\":{\"type\":\"file\",\"file_id\":\"or_file_1\"}}"),
				Arguments.of(ToolUseBlock.class,
						"{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\",\"days\":[1,2]},"
								+ "\"caller\":{\"type\":\"code_execution_20250825\",\"tool_id\":\"srvtoolu_9\"}}"),
				Arguments.of(ToolResultBlock.class, "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"18C\",\"is_error\":false}"),
				Arguments.of(ToolResultBlock.class,
						"{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"18C\"},"
								+ "{\"type\":\"tool_reference\",\"tool_name\":\"x\"}],\"cache_control\":{\"type\":\"ephemeral\"}}"),
				Arguments.of(ToolReferenceBlock.class, "{\"type\":\"tool_reference\",\"tool_name\":\"get_weather\"}"),
				Arguments.of(ThinkingBlock.class, "{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"sig==\"}"),
				Arguments.of(RedactedThinkingBlock.class, "{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgB\"}"),
				Arguments.of(ServerToolUseBlock.class,
						"{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_1\",\"name\":\"web_search\",\"input\":{\"query\":\"q\"},\"caller\":{\"type\":\"direct\"}}"),
				Arguments.of(WebSearchToolResultBlock.class,
						"{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_1\",\"content\":[{\"type\":\"web_search_result\","
								+ "\"encrypted_content\":\"e\",\"title\":\"t\",\"url\":\"https://x\",\"page_age\":null}],\"caller\":{\"type\":\"direct\"}}"),
				Arguments.of(WebSearchToolResultBlock.class,
						"{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"web_search_tool_result_error\",\"error_code\":\"max_uses_exceeded\"}}"),
				Arguments.of(WebFetchToolResultBlock.class,
						"{\"type\":\"web_fetch_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"web_fetch_result\",\"url\":\"https://x\","
								+ "\"retrieved_at\":null,\"content\":{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"d\"}}},"
								+ "\"caller\":{\"type\":\"direct\"}}"),
				Arguments.of(CodeExecutionToolResultBlock.class,
						"{\"type\":\"code_execution_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"code_execution_result\","
								+ "\"stdout\":\"1\",\"stderr\":\"\",\"return_code\":0,\"content\":[{\"type\":\"code_execution_output\",\"file_id\":\"f\"}]}}"),
				Arguments.of(BashCodeExecutionToolResultBlock.class,
						"{\"type\":\"bash_code_execution_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"bash_code_execution_tool_result_error\","
								+ "\"error_code\":\"output_file_too_large\"}}"),
				Arguments.of(TextEditorCodeExecutionToolResultBlock.class,
						"{\"type\":\"text_editor_code_execution_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"text_editor_code_execution_create_result\","
								+ "\"is_file_update\":true}}"),
				Arguments.of(ToolSearchToolResultBlock.class,
						"{\"type\":\"tool_search_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"tool_search_tool_search_result\","
								+ "\"tool_references\":[{\"type\":\"tool_reference\",\"tool_name\":\"x\"}]}}"),
				Arguments.of(ContainerUploadBlock.class, "{\"type\":\"container_upload\",\"file_id\":\"file_1\"}"),
				Arguments.of(SearchResultBlock.class,
						"{\"type\":\"search_result\",\"source\":\"https://kb/1\",\"title\":\"KB\",\"content\":[{\"type\":\"text\",\"text\":\"fact\"}],"
								+ "\"citations\":{\"enabled\":true}}"),
				Arguments.of(CompactionBlock.class, "{\"type\":\"compaction\",\"content\":\"summary\",\"encrypted_content\":\"enc\"}"),
				Arguments.of(CompactionBlock.class, "{\"type\":\"compaction\",\"content\":null}"),
				Arguments.of(AdvisorToolResultBlock.class,
						"{\"type\":\"advisor_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"type\":\"advisor_result\",\"text\":\"advice\"}}"),
				Arguments.of(ToolAdditionBlock.class,
						"{\"type\":\"tool_addition\",\"tool\":{\"type\":\"mcp_tool_reference\",\"name\":\"n\",\"server_name\":\"srv\"}}"),
				Arguments.of(ToolRemovalBlock.class, "{\"type\":\"tool_removal\",\"tool\":{\"type\":\"tool_reference\",\"name\":\"n\"}}"),
				Arguments.of(OpenRouterShellToolResultBlock.class,
						"{\"type\":\"openrouter_shell_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"stdout\":\"ok\",\"exit_code\":0}}"),
				Arguments.of(OpenRouterBashToolResultBlock.class,
						"{\"type\":\"openrouter_bash_tool_result\",\"tool_use_id\":\"s\",\"content\":{\"stdout\":\"ok\"}}"));
	}

	@ParameterizedTest
	@MethodSource("typedBlocks")
	void shouldReadTypedBlockAndWriteItBackUnchanged(Class<? extends ContentBlock> expectedType, String json) {
		ContentBlock block = this.mapper.readValue(json, ContentBlock.class);
		assertThat(block).isInstanceOf(expectedType);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(block))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldWriteSpecRequiredNullableCitationFieldsAsNullWhenAbsentFromInput() {
		String json = "{\"type\":\"text\",\"text\":\"hi\",\"citations\":["
				+ "{\"type\":\"char_location\",\"cited_text\":\"a\",\"document_index\":0,\"start_char_index\":1,\"end_char_index\":2},"
				+ "{\"type\":\"page_location\",\"cited_text\":\"a\",\"document_index\":0,\"start_page_number\":1,\"end_page_number\":2},"
				+ "{\"type\":\"content_block_location\",\"cited_text\":\"a\",\"document_index\":1,\"start_block_index\":0,\"end_block_index\":1},"
				+ "{\"type\":\"web_search_result_location\",\"cited_text\":\"a\",\"encrypted_index\":\"e\",\"url\":\"https://x\"},"
				+ "{\"type\":\"search_result_location\",\"cited_text\":\"a\",\"search_result_index\":0,\"source\":\"s\",\"start_block_index\":0,\"end_block_index\":0}]}";
		String expected = "{\"type\":\"text\",\"text\":\"hi\",\"citations\":["
				+ "{\"type\":\"char_location\",\"cited_text\":\"a\",\"document_index\":0,\"document_title\":null,\"start_char_index\":1,\"end_char_index\":2},"
				+ "{\"type\":\"page_location\",\"cited_text\":\"a\",\"document_index\":0,\"document_title\":null,\"start_page_number\":1,\"end_page_number\":2},"
				+ "{\"type\":\"content_block_location\",\"cited_text\":\"a\",\"document_index\":1,\"document_title\":null,\"start_block_index\":0,\"end_block_index\":1},"
				+ "{\"type\":\"web_search_result_location\",\"cited_text\":\"a\",\"encrypted_index\":\"e\",\"title\":null,\"url\":\"https://x\"},"
				+ "{\"type\":\"search_result_location\",\"cited_text\":\"a\",\"search_result_index\":0,\"source\":\"s\",\"title\":null,\"start_block_index\":0,\"end_block_index\":0}]}";
		ContentBlock block = this.mapper.readValue(json, ContentBlock.class);
		JsonNode written = this.mapper.readTree(this.mapper.writeValueAsString(block));
		assertThat(written).isEqualTo(this.mapper.readTree(expected));
		for (JsonNode citation : written.get("citations")) {
			String field = citation.has("document_index") ? "document_title" : "title";
			assertThat(citation.get(field).isNull()).as("%s of %s", field, citation.get("type")).isTrue();
		}
	}

	@Test
	void shouldReadToolReferenceInsideToolResultContentAsTypedBlock() {
		String json = "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"found\"},"
				+ "{\"type\":\"tool_reference\",\"tool_name\":\"get_weather\"}]}";
		ToolResultBlock result = (ToolResultBlock) this.mapper.readValue(json, ContentBlock.class);
		List<ContentBlock> blocks = result.content().asBlocks();
		assertThat(blocks).hasSize(2);
		assertThat(blocks.get(1)).isEqualTo(ToolReferenceBlock.of("get_weather"));
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(ToolResultBlock.of("toolu_1",
				List.of(TextBlock.of("found"), ToolReferenceBlock.of("get_weather"))))))
			.isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldRejectToolReferenceWithoutToolName() {
		assertThatNullPointerException().isThrownBy(() -> ToolReferenceBlock.of(null)).withMessage("tool_name");
	}

	@Test
	void shouldStillLeaveOutNullTextBlockCitations() {
		JsonNode written = this.mapper.readTree(this.mapper.writeValueAsString(new TextBlock(TextBlock.TYPE, "hi", null, null)));
		assertThat(written.has("citations")).isFalse();
	}

	@Test
	void shouldKeepUnknownBlockAsRawJsonAndWriteItBackUnchanged() {
		String json = "{\"type\":\"fallback\",\"nested\":{\"a\":[1,2.5,null,true],\"b\":\"x\"},\"n\":null}";
		ContentBlock block = this.mapper.readValue(json, ContentBlock.class);
		assertThat(block).isInstanceOf(UnknownContentBlock.class);
		assertThat(block.type()).isEqualTo("fallback");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(block))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldKeepUnknownBlockInsideListAndToolResult() {
		String json = "[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":[{\"type\":\"brand_new\",\"x\":1}]},"
				+ "{\"type\":\"other_new\"}]";
		List<ContentBlock> blocks = this.mapper.readValue(json,
				this.mapper.getTypeFactory().constructCollectionType(List.class, ContentBlock.class));
		assertThat(blocks).hasSize(3);
		assertThat(blocks.get(2)).isInstanceOf(UnknownContentBlock.class);
		ToolResultBlock result = (ToolResultBlock) blocks.get(1);
		assertThat(result.content().blocks()).singleElement().isInstanceOf(UnknownContentBlock.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(blocks))).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void shouldKeepUnknownCitationAndSource() {
		String json = "{\"type\":\"text\",\"text\":\"a\",\"citations\":[{\"type\":\"video_location\",\"t\":3}]}";
		TextBlock text = (TextBlock) this.mapper.readValue(json, ContentBlock.class);
		assertThat(text.citations()).singleElement().isInstanceOf(UnknownCitation.class);
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(text))).isEqualTo(this.mapper.readTree(json));
		String image = "{\"type\":\"image\",\"source\":{\"type\":\"s3\",\"bucket\":\"b\"}}";
		ImageBlock block = (ImageBlock) this.mapper.readValue(image, ContentBlock.class);
		assertThat(block.source()).isInstanceOf(UnknownSource.class);
		assertThat(block.source().type()).isEqualTo("s3");
		assertThat(this.mapper.readTree(this.mapper.writeValueAsString(block))).isEqualTo(this.mapper.readTree(image));
	}

	@Test
	void shouldWriteFactoriesAsDocumented() {
		assertJson(TextBlock.of("hi"), "{\"type\":\"text\",\"text\":\"hi\"}");
		assertJson(TextBlock.of("hi").withCacheControl(CacheControl.ephemeral1h()),
				"{\"type\":\"text\",\"text\":\"hi\",\"cache_control\":{\"type\":\"ephemeral\",\"ttl\":\"1h\"}}");
		assertJson(ImageBlock.base64("image/png", "AAA"),
				"{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"AAA\"}}");
		assertJson(ImageBlock.url("https://x/i.png"), "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x/i.png\"}}");
		assertJson(DocumentBlock.pdfBase64("JVB"),
				"{\"type\":\"document\",\"source\":{\"type\":\"base64\",\"media_type\":\"application/pdf\",\"data\":\"JVB\"}}");
		assertJson(DocumentBlock.pdfUrl("https://x/a.pdf"), "{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":\"https://x/a.pdf\"}}");
		assertJson(DocumentBlock.plainText("t"),
				"{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"t\"}}");
		assertJson(DocumentBlock.file("or_file_1"), "{\"type\":\"document\",\"source\":{\"type\":\"file\",\"file_id\":\"or_file_1\"}}");
		assertJson(ToolResultBlock.of("toolu_1", "ok"), "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"ok\"}");
		assertJson(ToolResultBlock.error("toolu_1", "boom"),
				"{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"boom\",\"is_error\":true}");
		assertJson(ToolResultBlock.of("toolu_1", List.of(TextBlock.of("a"))),
				"{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}");
	}

	@Test
	void shouldForceTheDiscriminatorOfTypedBlocks() {
		TextBlock block = new TextBlock("something-else", "a", null, null);
		assertThat(block.type()).isEqualTo("text");
	}

	@Test
	void shouldReadMissingTextAndThinkingAsEmpty() {
		assertThat(this.mapper.readValue("{\"type\":\"text\"}", ContentBlock.class)).isEqualTo(TextBlock.of(""));
		ThinkingBlock thinking = (ThinkingBlock) this.mapper.readValue("{\"type\":\"thinking\",\"signature\":\"s\"}",
				ContentBlock.class);
		assertThat(thinking.thinking()).isEmpty();
		assertThat(thinking.signature()).isEqualTo("s");
	}

	@Test
	void shouldRejectMissingRequiredValueNamingTheField() {
		assertThatNullPointerException().isThrownBy(() -> new ToolUseBlock(null, null, "n", null, null, null))
			.withMessage("id");
	}

	@Test
	void shouldExposeContentAsTextAndBlocks() {
		ToolResultBlock result = ToolResultBlock.of("t", List.of(TextBlock.of("a"), ImageBlock.url("u"), TextBlock.of("b")));
		MessageContent content = result.content();
		assertThat(content.asText()).isEqualTo("ab");
		assertThat(MessageContent.of("x").asBlocks()).containsExactly(TextBlock.of("x"));
	}

	private void assertJson(Object value, String expected) {
		JsonNode actual = this.mapper.readTree(this.mapper.writeValueAsString(value));
		assertThat(actual).isEqualTo(this.mapper.readTree(expected));
	}

}
