package io.github.openrouter.spring.messages.structured;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.model.Effort;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.OutputConfig;
import io.github.openrouter.spring.messages.model.RefusalCategory;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.structured.internal.TypeSchemas;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for structured output ({@link JsonOutput} through the clients' {@code create} and
 * {@code stream}) against WireMock.
 */
class StructuredOutputTests {

	private static final String PATH = "/api/v1/messages";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String RECIPE_JSON = "{\"title\":\"Bread\",\"steps\":[\"Mix\",\"Bake\"],\"servings\":4}";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final MessagesClient client = MessagesClient.builder()
		.apiKey("sk-or-v1-test-0123456789abcdef0123456789abcdef")
		.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/api/v1")
		.retryPolicy(RetryPolicy.none())
		.observationRegistry(this.observations)
		.build();

	@Test
	void createShouldSendTheSchemaOfTheTypeAndParseTheAnswer() {
		wireMock.stubFor(post(PATH).willReturn(answer(RECIPE_JSON, "end_turn", null)));
		MessageRequest request = recipeRequest().toBuilder().outputConfig(OutputConfig.effort(Effort.LOW)).build();

		StructuredResponse<Recipe> result = this.client.create(request, Recipe.class);

		assertThat(result.value()).isEqualTo(new Recipe("Bread", List.of("Mix", "Bake"), 4));
		assertThat(result.response().usage().outputTokens()).isEqualTo(20);
		assertThat(result.response().provider()).isEqualTo("Anthropic");
		assertThat(result.attempts()).containsExactly(result.response());
		JsonNode sent = sentBodies().get(0);
		assertThat(sent.at("/output_config/format/type").asString()).isEqualTo("json_schema");
		assertThat(sent.at("/output_config/format/schema"))
			.isEqualTo(new TypeSchemas(MAPPER).schema(Recipe.class));
		assertThat(sent.at("/output_config/effort").asString()).isEqualTo("low");
	}

	@Test
	void reactiveCreateShouldParseAGenericType() {
		wireMock.stubFor(post(PATH).willReturn(answer("{\"items\":[" + RECIPE_JSON + "],\"total\":1}", "end_turn", null)));

		StructuredResponse<Page<Recipe>> result = this.client.reactive()
			.create(recipeRequest(), JsonOutput.of(new TypeReference<Page<Recipe>>() {
			}))
			.block();

		assertThat(result.value().items()).containsExactly(new Recipe("Bread", List.of("Mix", "Bake"), 4));
		assertThat(sentBodies().get(0).at("/output_config/format/schema/properties/items/items/required"))
			.hasSize(3);
	}

	@Test
	void createShouldSendAGivenSchemaAsIs() {
		wireMock.stubFor(post(PATH).willReturn(answer(RECIPE_JSON, "end_turn", null)));
		ObjectNode schema = MAPPER.createObjectNode().put("type", "object");

		this.client.create(recipeRequest(), JsonOutput.of(Recipe.class).withSchema(schema));

		assertThat(sentBodies().get(0).at("/output_config/format/schema")).isEqualTo(schema);
	}

	@Test
	void answerThatIsNotJsonShouldFailWithTheRawTextAndTheMessage() {
		wireMock.stubFor(post(PATH).willReturn(answer("Here is your recipe: Bread", "end_turn", null)));

		assertThatExceptionOfType(OutputParseException.class)
			.isThrownBy(() -> this.client.create(recipeRequest(), Recipe.class))
			.withMessageStartingWith("The answer is not JSON")
			.satisfies((ex) -> {
				assertThat(ex.rawText()).isEqualTo("Here is your recipe: Bread");
				assertThat(ex.response().usage().outputTokens()).isEqualTo(20);
				assertThat(ex.attempts()).hasSize(1);
			});
	}

	@Test
	void answerThatDoesNotFitTheTypeShouldFailWithTheRawText() {
		String wrong = "{\"title\":\"Bread\",\"steps\":\"Mix\",\"servings\":\"many\"}";
		wireMock.stubFor(post(PATH).willReturn(answer(wrong, "end_turn", null)));

		assertThatExceptionOfType(OutputParseException.class)
			.isThrownBy(() -> this.client.create(recipeRequest(), Recipe.class))
			.withMessageContaining("does not fit " + Recipe.class.getTypeName())
			.satisfies((ex) -> assertThat(ex.rawText()).isEqualTo(wrong));
	}

	@Test
	void answerCutByMaxTokensShouldFailAsTruncated() {
		wireMock.stubFor(post(PATH).willReturn(answer("{\"title\":\"Bre", "max_tokens", null)));

		assertThatExceptionOfType(OutputTruncatedException.class)
			.isThrownBy(() -> this.client.create(recipeRequest(), JsonOutput.of(Recipe.class).withMaxAttempts(3)))
			.withMessageContaining("max_tokens")
			.satisfies((ex) -> assertThat(ex.rawText()).isEqualTo("{\"title\":\"Bre"));
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void refusalShouldFailWithTheStopDetailsAndNotBeRetried() {
		String details = "{\"type\":\"refusal\",\"category\":\"cyber\",\"explanation\":\"Not this one\"}";
		wireMock.stubFor(post(PATH).willReturn(answer("I can't help with that.", "refusal", details)));

		assertThatExceptionOfType(OutputRefusedException.class)
			.isThrownBy(() -> this.client.create(recipeRequest(), JsonOutput.of(Recipe.class).withMaxAttempts(3)))
			.withMessage("The model refused to answer (category cyber): Not this one")
			.satisfies((ex) -> {
				assertThat(ex.stopDetails().category()).isEqualTo(RefusalCategory.CYBER);
				assertThat(ex.rawText()).isEqualTo("I can't help with that.");
			});
		wireMock.verify(1, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void validationShouldBeOffByDefaultAndRejectAnAnswerThatBreaksTheSchemaWhenOn() {
		String missingSteps = "{\"title\":\"Bread\",\"servings\":4}";
		wireMock.stubFor(post(PATH).willReturn(answer(missingSteps, "end_turn", null)));

		assertThat(this.client.create(recipeRequest(), Recipe.class).value().steps()).isNull();
		assertThatExceptionOfType(OutputValidationException.class)
			.isThrownBy(() -> this.client.create(recipeRequest(), JsonOutput.of(Recipe.class).withValidation()))
			.satisfies((ex) -> {
				assertThat(ex.errors()).singleElement().asString().contains("steps");
				assertThat(ex.rawText()).isEqualTo(missingSteps);
			});
	}

	@Test
	void correctiveRetryShouldSendTheErrorBackAndReportEveryAttempt() {
		wireMock.stubFor(post(PATH).inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(answer("{\"title\":\"Bread\",\"servings\":4}", "end_turn", null))
			.willSetStateTo("corrected"));
		wireMock.stubFor(
				post(PATH).inScenario("retry").whenScenarioStateIs("corrected").willReturn(answer(RECIPE_JSON, "end_turn", null)));

		StructuredResponse<Recipe> result = this.client.create(recipeRequest(),
				JsonOutput.of(Recipe.class).withValidation().withMaxAttempts(3));

		assertThat(result.value().servings()).isEqualTo(4);
		assertThat(result.attempts()).hasSize(2).last().isSameAs(result.response());
		List<JsonNode> sent = sentBodies();
		assertThat(sent).hasSize(2);
		JsonNode messages = sent.get(1).get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.at("/1/role").asString()).isEqualTo("assistant");
		assertThat(messages.at("/1/content/0/text").asString()).isEqualTo("{\"title\":\"Bread\",\"servings\":4}");
		assertThat(messages.at("/2/role").asString()).isEqualTo("user");
		assertThat(messages.at("/2/content").toString()).contains("could not be used").contains("steps");
		assertThat(sent.get(1).get("output_config")).isEqualTo(sent.get(0).get("output_config"));
	}

	@Test
	void correctiveRetryShouldStopAfterMaxAttempts() {
		wireMock.stubFor(post(PATH).willReturn(answer("not json", "end_turn", null)));

		assertThatExceptionOfType(OutputParseException.class)
			.isThrownBy(() -> this.client.create(recipeRequest(), JsonOutput.of(Recipe.class).withMaxAttempts(3)))
			.satisfies((ex) -> assertThat(ex.attempts()).hasSize(3));
		wireMock.verify(3, postRequestedFor(urlEqualTo(PATH)));
		assertThat(sentBodies().get(2).get("messages")).hasSize(5);
	}

	@Test
	void unsupportedTypeShouldFailBeforeAnyCall() {
		assertThatExceptionOfType(UnsupportedSchemaTypeException.class)
			.isThrownBy(() -> this.client.create(recipeRequest(), Node.class))
			.withMessageContaining("refers to itself");
		wireMock.verify(0, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void blockingStreamShouldYieldTheTextEventsThenTheTypedAnswer() {
		wireMock.stubFor(post(PATH).willReturn(sse("{\"title\":\"Bread\",", "\"steps\":[\"Mix\",\"Bake\"],",
				"\"servings\":4}")));
		StringBuilder text = new StringBuilder();

		StructuredResponse<Recipe> result;
		try (StructuredStream<Recipe> stream = this.client.stream(recipeRequest(), JsonOutput.of(Recipe.class))) {
			for (StreamEvent event : stream) {
				if (event instanceof ContentBlockDeltaEvent delta && delta.delta() instanceof TextDelta textDelta) {
					text.append(textDelta.text());
				}
			}
			result = stream.finalResponse();
		}

		assertThat(text.toString()).isEqualTo(RECIPE_JSON);
		assertThat(result.value()).isEqualTo(new Recipe("Bread", List.of("Mix", "Bake"), 4));
		assertThat(result.response().usage().outputTokens()).isEqualTo(20);
		JsonNode sent = sentBodies().get(0);
		assertThat(sent.get("stream").asBoolean()).isTrue();
		assertThat(sent.at("/output_config/format/schema")).isEqualTo(new TypeSchemas(MAPPER).schema(Recipe.class));
	}

	@Test
	void reactiveStreamShouldHandOverEveryEventAndEmitTheTypedAnswer() {
		wireMock.stubFor(post(PATH).willReturn(sse("{\"title\":\"Bread\",\"steps\":[],", "\"servings\":2}")));
		List<StreamEvent> events = new ArrayList<>();

		StructuredResponse<Recipe> result = this.client.reactive()
			.stream(recipeRequest(), JsonOutput.of(Recipe.class), RequestOptions.none(), events::add)
			.block();

		assertThat(result.value()).isEqualTo(new Recipe("Bread", List.of(), 2));
		assertThat(events).hasSize(7);
	}

	@Test
	void streamShouldRefuseACorrectiveRetry() {
		JsonOutput<Recipe> output = JsonOutput.of(Recipe.class).withMaxAttempts(2);

		assertThatIllegalArgumentException().isThrownBy(() -> this.client.stream(recipeRequest(), output))
			.withMessageContaining("one attempt");
		wireMock.verify(0, postRequestedFor(urlEqualTo(PATH)));
	}

	@Test
	void callShouldBeAnOrdinaryObservedOperationWithTheJsonOutputType() {
		wireMock.stubFor(post(PATH).willReturn(answer(RECIPE_JSON, "end_turn", null)));

		this.client.create(recipeRequest(), Recipe.class);

		TestObservationRegistryAssert.assertThat(this.observations)
			.hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation")
			.hasHighCardinalityKeyValue("gen_ai.output.type", "json")
			.satisfies((context) -> assertThat(context.getAllKeyValues())
				.noneMatch((keyValue) -> keyValue.getValue().contains("servings")));
	}

	private static MessageRequest recipeRequest() {
		return MessageRequest.builder()
			.model("anthropic/claude-sonnet-4.5")
			.maxTokens(1024)
			.addUserMessage("A bread recipe")
			.build();
	}

	private static ResponseDefinitionBuilder answer(String text, String stopReason, String stopDetails) {
		ObjectNode body = MAPPER.createObjectNode();
		body.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "anthropic/claude-sonnet-4.5");
		body.putArray("content").addObject().put("type", "text").put("text", text);
		body.put("stop_reason", stopReason).putNull("stop_sequence");
		if (stopDetails != null) {
			body.set("stop_details", MAPPER.readTree(stopDetails));
		}
		body.putObject("usage").put("input_tokens", 12).put("output_tokens", 20);
		body.put("provider", "Anthropic");
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
	}

	private static ResponseDefinitionBuilder sse(String... fragments) {
		StringBuilder body = new StringBuilder();
		event(body, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
				+ "\"role\":\"assistant\",\"model\":\"anthropic/claude-sonnet-4.5\",\"content\":[],\"stop_reason\":null,"
				+ "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}");
		event(body, "content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
		for (String fragment : fragments) {
			ObjectNode delta = MAPPER.createObjectNode().put("type", "content_block_delta").put("index", 0);
			delta.putObject("delta").put("type", "text_delta").put("text", fragment);
			event(body, "content_block_delta", delta.toString());
		}
		event(body, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
		event(body, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
				+ "\"stop_sequence\":null},\"usage\":{\"output_tokens\":20}}");
		event(body, "message_stop", "{\"type\":\"message_stop\"}");
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
	}

	private static void event(StringBuilder body, String name, String data) {
		body.append("event: ").append(name).append('\n').append("data: ").append(data).append("\n\n");
	}

	private static List<JsonNode> sentBodies() {
		List<JsonNode> bodies = new ArrayList<>();
		for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlEqualTo(PATH)))) {
			bodies.add(MAPPER.readTree(request.getBodyAsString()));
		}
		return bodies;
	}

	record Recipe(String title, List<String> steps, int servings) {
	}

	record Page<T>(List<T> items, int total) {
	}

	record Node(String name, List<Node> children) {
	}

}
