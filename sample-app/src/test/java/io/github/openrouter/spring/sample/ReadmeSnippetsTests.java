package io.github.openrouter.spring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.openrouter.spring.account.AccountClient;
import io.github.openrouter.spring.account.Generation;
import io.github.openrouter.spring.account.ReactiveAccountClient;
import io.github.openrouter.spring.messages.MessageStream;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.error.RateLimitException;
import io.github.openrouter.spring.messages.model.CacheControl;
import io.github.openrouter.spring.messages.model.MessageParam;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.StopReason;
import io.github.openrouter.spring.messages.model.ThinkingConfig;
import io.github.openrouter.spring.messages.model.Usage;
import io.github.openrouter.spring.messages.model.content.ContentBlock;
import io.github.openrouter.spring.messages.model.content.DocumentBlock;
import io.github.openrouter.spring.messages.model.content.ImageBlock;
import io.github.openrouter.spring.messages.model.content.TextBlock;
import io.github.openrouter.spring.messages.model.content.ThinkingBlock;
import io.github.openrouter.spring.messages.model.content.ToolResultBlock;
import io.github.openrouter.spring.messages.model.content.ToolUseBlock;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import io.github.openrouter.spring.messages.model.stream.ContentBlockDeltaEvent;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.model.stream.TextDelta;
import io.github.openrouter.spring.messages.model.tool.CustomTool;
import io.github.openrouter.spring.messages.structured.StructuredResponse;
import io.github.openrouter.spring.messages.tools.OpenRouterTool;
import io.github.openrouter.spring.messages.tools.ToolLoopEvent;
import io.github.openrouter.spring.messages.tools.ToolLoopResult;
import io.github.openrouter.spring.messages.tools.ToolLoopStop;
import io.github.openrouter.spring.messages.tools.ToolParameter;
import io.github.openrouter.spring.messages.tools.ToolRunner;
import io.github.openrouter.spring.sample.demo.DemoReplies;
import io.github.openrouter.spring.test.OpenRouterStub;
import io.github.openrouter.spring.test.RecordedRequest;
import io.github.openrouter.spring.test.StubAnswer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Java snippets of the root README: each {@code <!-- snippet:NAME -->} block there
 * is the code between the {@code tag::NAME[]} and {@code end::NAME[]} comments here (or in
 * {@link AssistantTests}, a test class of its own), which compiles against the real API and runs
 * against the stub answering as the demo mode does.
 */
class ReadmeSnippetsTests {

	private static final Pattern README_SNIPPET = Pattern
		.compile("<!-- snippet:([a-z-]+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern SOURCE_SNIPPET = Pattern.compile("// tag::([a-z-]+)\\[]\\n(.*?)// end::\\1\\[]",
			Pattern.DOTALL);

	private static final List<String> SNIPPET_SOURCES = List.of("ReadmeSnippetsTests.java", "AssistantTests.java");

	private static OpenRouterStub stub;

	private static MessagesClient client;

	@BeforeAll
	static void startStub() {
		stub = OpenRouterStub.start(StubAnswer.from(new DemoReplies()::answer));
		client = MessagesClient.builder()
			.baseUrl(stub.baseUrl())
			.apiKey(stub.apiKey())
			.defaultModel("anthropic/claude-sonnet-4.5")
			.build();
	}

	@AfterAll
	static void stopStub() {
		stub.close();
	}

	@Test
	void shouldShowInReadmeExactlyTheSnippetsOfTheSources() throws IOException {
		Map<String, List<String>> readme = snippets(README_SNIPPET,
				ReadmeFile.read());
		Map<String, List<String>> source = new LinkedHashMap<>();
		for (String file : SNIPPET_SOURCES) {
			source.putAll(snippets(SOURCE_SNIPPET, Files.readString(
					Path.of("src/test/java/io/github/openrouter/spring/sample/" + file), StandardCharsets.UTF_8)));
		}

		assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(source.keySet());
		source.forEach((name, lines) -> assertThat(readme.get(name)).as("README snippet %s", name)
			.containsExactlyElementsOf(lines));
	}

	@Test
	void createShouldAnswerWithTextAndUsage() {
		Assistant assistant = new Assistant(client);

		assertThat(assistant.ask("What is OpenRouter?")).isEqualTo(DemoReplies.echo("What is OpenRouter?"));
		assertThat(lastServed().model()).isEqualTo("anthropic/claude-sonnet-4.5");
	}

	@Test
	void usageShouldReportTokensCostProviderAndModel() {
		MessageRequest request = MessageRequest.builder().maxTokens(256).addUserMessage("Count my tokens").build();
		// tag::usage[]
		MessageResponse response = client.create(request);
		Usage usage = response.usage();
		String line = "%s via %s: %d tokens in, %d out, %s USD".formatted(response.model(), response.provider(),
				usage.totalInputTokens(), usage.outputTokens(), usage.cost());
		// end::usage[]
		Usage served = lastServed().usage();
		assertThat(line).isEqualTo("anthropic/claude-sonnet-4.5 via Anthropic: %d tokens in, %d out, %s USD"
			.formatted(served.totalInputTokens(), served.outputTokens(), served.cost()));
	}

	@Test
	void streamShouldDeliverTextDeltasAndTheFinalMessage() {
		// tag::stream[]
		MessageRequest request = MessageRequest.builder()
			.maxTokens(1024)
			.addUserMessage("Tell me a story about a lighthouse keeper")
			.build();
		StringBuilder answer = new StringBuilder();
		try (MessageStream stream = client.stream(request)) {
			for (StreamEvent event : stream) {
				if (event instanceof ContentBlockDeltaEvent delta && delta.delta() instanceof TextDelta text) {
					answer.append(text.text()); // or push it to your UI as it arrives
				}
			}
			MessageResponse message = stream.finalMessage(); // what create() would have returned
			int outputTokens = message.usage().outputTokens();
			// end::stream[]
			assertThat(message.text()).hasToString(answer.toString());
			assertThat(outputTokens).isEqualTo(lastServed().usage().outputTokens());
		}
		assertThat(answer).hasToString(DemoReplies.echo("Tell me a story about a lighthouse keeper"));
	}

	@Test
	void reactiveShouldStreamText() {
		MessageRequest request = MessageRequest.builder().maxTokens(256).addUserMessage("Hello, reactive").build();
		// tag::reactive[]
		Flux<String> text = client.reactive().streamText(request);
		// end::reactive[]
		assertThat(String.join("", text.collectList().block(Duration.ofSeconds(30))))
			.isEqualTo(DemoReplies.echo("Hello, reactive"));
	}

	@Test
	void toolRunnerShouldRunTheToolAndSumTheUsageOfEveryRound() {
		// tag::tools[]
		ToolRunner runner = ToolRunner.builder(client).tools(new WeatherTools()).build();
		MessageRequest request = MessageRequest.builder()
			.maxTokens(1024)
			.addUserMessage("Oslo")
			.build();
		ToolLoopResult result = runner.call(request); // call, run getWeather, call again
		String answer = result.text();
		Usage usage = result.usage(); // summed over every round, cost and cache counts included
		MessageRequest next = request.toBuilder()
			.messages(result.transcript()) // the whole conversation, to continue it
			.addUserMessage("And Bergen?")
			.build();
		// end::tools[]
		assertThat(result.stop()).isEqualTo(ToolLoopStop.ANSWER);
		assertThat(answer).startsWith("The tool returned: 12 degrees and rain in Oslo.");
		List<RecordedRequest> served = stub.requests();
		MessageResponse first = Objects.requireNonNull(served.get(served.size() - 2).response());
		MessageResponse last = Objects.requireNonNull(served.get(served.size() - 1).response());
		assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(usage.outputTokens()).isEqualTo(first.usage().outputTokens() + last.usage().outputTokens());
		assertThat(usage.cost()).isEqualByComparingTo(first.usage().cost().add(last.usage().cost()));
		assertThat(next.messages()).hasSize(5);
	}

	@Test
	void toolRunnerShouldStreamEveryRoundAndTheToolsBetween() {
		ToolRunner runner = ToolRunner.builder(client).tools(new WeatherTools()).build();
		MessageRequest request = MessageRequest.builder().maxTokens(1024).addUserMessage("Oslo").build();
		// tag::tools-stream[]
		StringBuilder text = new StringBuilder();
		List<String> ran = new ArrayList<>();
		Flux<ToolLoopEvent> events = runner.stream(request);
		ToolLoopResult result = events.doOnNext((event) -> {
			if (event instanceof ToolLoopEvent.ModelEvent model && model.event() instanceof ContentBlockDeltaEvent delta
					&& delta.delta() instanceof TextDelta textDelta) {
				text.append(textDelta.text()); // each round's text, as it arrives
			}
			else if (event instanceof ToolLoopEvent.ToolExecuted executed) {
				ran.add(executed.toolUse().name()); // between rounds
			}
		}).ofType(ToolLoopEvent.Completed.class).blockLast().result(); // or subscribe in WebFlux
		// end::tools-stream[]
		assertThat(ran).containsExactly("getWeather");
		assertThat(result.text()).startsWith("The tool returned: 12 degrees and rain in Oslo.");
		assertThat(text.toString()).endsWith(result.text());
	}

	@Test
	void toolsShouldRoundTripToolUseAndToolResult() {
		// tag::tools-manual[]
		JsonNode schema = JsonMapper.builder().build().readTree("""
				{"type": "object",
				 "properties": {"city": {"type": "string"}},
				 "required": ["city"]}
				""");
		MessageRequest request = MessageRequest.builder()
			.maxTokens(1024)
			.addTool(CustomTool.of("get_weather", "Current weather in a city", schema))
			.addUserMessage("Oslo")
			.build();
		MessageResponse response = client.create(request);
		if (StopReason.TOOL_USE.equals(response.stopReason())) {
			List<ContentBlock> results = new ArrayList<>();
			for (ContentBlock block : response.content()) {
				if (block instanceof ToolUseBlock toolUse) {
					String city = toolUse.input().path("city").asString();
					results.add(ToolResultBlock.of(toolUse.id(), lookUpWeather(city)));
				}
			}
			MessageRequest next = request.toBuilder()
				.addAssistantMessage(response) // replays the tool_use blocks unchanged
				.addMessage(MessageParam.user(results))
				.build();
			response = client.create(next);
		}
		// end::tools-manual[]
		assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(response.text()).startsWith("The tool returned: 12 degrees and rain in Oslo.");
	}

	@Test
	void imagesAndDocumentsShouldBeSentAsBlocks() {
		byte[] pdfBytes = "%PDF-1.4 quarterly report".getBytes(StandardCharsets.US_ASCII);
		// tag::images[]
		MessageRequest request = MessageRequest.builder()
			.maxTokens(1024)
			.addUserMessage(ImageBlock.url("https://example.com/chart.png"),
					DocumentBlock.pdfBase64(Base64.getEncoder().encodeToString(pdfBytes)),
					TextBlock.of("Does the chart match the report?"))
			.build();
		// end::images[]
		MessageResponse response = client.create(request);
		assertThat(response.text()).startsWith("You attached 1 image(s) and 1 document(s).");
	}

	@Test
	void thinkingShouldComeBackAsThinkingBlocks() {
		// tag::thinking[]
		MessageRequest request = MessageRequest.builder()
			.maxTokens(4096)
			.thinking(ThinkingConfig.enabled(2048))
			.addUserMessage("Is 9.11 larger than 9.9?")
			.build();
		MessageResponse response = client.create(request);
		for (ContentBlock block : response.content()) {
			if (block instanceof ThinkingBlock thinking) {
				String reasoning = thinking.thinking(); // signed; replay it unchanged in the next turn
			}
		}
		MessageRequest followUp = request.toBuilder().addAssistantMessage(response).addUserMessage("And 9.2?").build();
		// end::thinking[]
		assertThat(response.content().get(0)).isInstanceOf(ThinkingBlock.class);
		assertThat(response.usage().outputTokensDetails().thinkingTokens()).isPositive();
		assertThat(client.create(followUp).text()).isEqualTo(DemoReplies.echo("And 9.2?"));
	}

	@Test
	void cachingShouldWriteThenReadThePrefix() {
		String handbook = "Refunds are accepted within 30 days of purchase. ".repeat(100);
		// tag::caching[]
		MessageRequest request = MessageRequest.builder()
			.maxTokens(1024)
			.system(List.of(TextBlock.of(handbook).withCacheControl(CacheControl.ephemeral())))
			.addUserMessage("What does the handbook say about refunds?")
			.build();
		MessageResponse first = client.create(request); // writes the cache
		MessageResponse second = client.create(request); // reads it
		Integer cachedTokens = second.usage().cacheReadInputTokens();
		// end::caching[]
		assertThat(first.usage().cacheCreationInputTokens()).isEqualTo(800);
		assertThat(cachedTokens).isEqualTo(800);
		assertThat(second.usage().cost()).isLessThan(first.usage().cost());
	}

	@Test
	void routingShouldSendFallbacksProviderPreferencesAndOptions() {
		// tag::routing[]
		MessageRequest request = MessageRequest.builder()
			.model("anthropic/claude-sonnet-4.5")
			.addFallback("openai/gpt-4.1-mini") // tried when the model above fails
			.provider(ProviderPreferences.builder().order(List.of("anthropic", "amazon-bedrock")).build())
			.maxTokens(1024)
			.addUserMessage("Hello")
			.build();
		RequestOptions options = RequestOptions.builder()
			.routingMetadata(true) // ask for openrouter_metadata
			.sessionId("conversation-42") // sticky routing, better cache hits
			.timeout(Duration.ofSeconds(30))
			.build();
		MessageResponse response = client.create(request, options);
		OpenRouterMetadata routing = response.openrouterMetadata(); // requested, strategy, endpoints tried
		// end::routing[]
		assertThat(response.provider()).isEqualTo("anthropic");
		assertThat(routing.summary()).isEqualTo("available=2, selected=anthropic");
	}

	@Test
	void errorsShouldBeTypedExceptions() {
		MessagesClient wrongKey = MessagesClient.builder()
			.baseUrl(stub.baseUrl())
			.apiKey("sk-or-v1-wrong")
			.defaultModel("anthropic/claude-sonnet-4.5")
			.build();
		MessageRequest request = MessageRequest.builder().maxTokens(64).addUserMessage("Hi").build();

		assertThat(answerOrExplain(wrongKey, request)).isEqualTo("OpenRouter answered 401 authentication_error");
		assertThat(answerOrExplain(client, request)).isEqualTo(DemoReplies.echo("Hi"));
	}

	@Test
	void structuredOutputShouldParseTheAnswerIntoARecord() {
		Recipe recipe = recipeFor("bread");

		assertThat(recipe).isEqualTo(new Recipe("A recipe for bread", List.of("A recipe for bread"), 1));
		assertThat(lastServed().text()).isEqualTo(
				"{\"title\":\"A recipe for bread\",\"steps\":[\"A recipe for bread\"],\"servings\":1}");
	}

	// tag::structured[]
	record Recipe(String title, List<String> steps, int servings) {
	}

	Recipe recipeFor(String dish) {
		MessageRequest request = MessageRequest.builder()
			.maxTokens(1024)
			.addUserMessage("A recipe for " + dish)
			.build();
		StructuredResponse<Recipe> answer = client.create(request, Recipe.class);
		MessageResponse message = answer.response(); // usage, cost, provider, raw text
		return answer.value();
	}
	// end::structured[]

	@Test
	void bindingHintsForStructuredOutputTypesShouldBeFoundAtBuildTime() {
		RuntimeHints hints = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, StructuredOutputHints.class);

		assertThat(RuntimeHintsPredicates.reflection()
			.onType(Recipe.class)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.ACCESS_DECLARED_FIELDS))
			.accepts(hints);
	}

	// tag::native-hints[]
	@Configuration(proxyBeanMethods = false)
	@RegisterReflectionForBinding(Recipe.class) // every type you pass to create(request, Type.class)
	static class StructuredOutputHints {

	}
	// end::native-hints[]

	// tag::errors[]
	String answerOrExplain(MessagesClient client, MessageRequest request) {
		try {
			return client.create(request).text();
		}
		catch (RateLimitException ex) { // 429; the client already retried
			Duration wait = ex.retryAfter().orElse(Duration.ofSeconds(30));
			return "Busy, try again in " + wait.toSeconds() + " s";
		}
		catch (OpenRouterApiException ex) { // any other non-2xx answer
			return "OpenRouter answered " + ex.statusCode() + " " + ex.errorType();
		}
		catch (OpenRouterException ex) { // timeout, broken connection, malformed or failed stream
			return "No answer: " + ex.getMessage();
		}
	}
	// end::errors[]

	static String lookUpWeather(String city) {
		return "12 degrees and rain in " + city;
	}

	@Test
	void generationShouldReportTheExactCostOfACall() {
		AccountClient account = AccountClient.of(ReactiveAccountClient.create(client.reactive()));
		MessageRequest request = MessageRequest.builder().maxTokens(256).addUserMessage("What did it cost?").build();
		MessagesClient messages = client;
		// tag::generation-cost[]
		MessageResponse response = messages.create(request);
		Generation generation = account.awaitGeneration(response.generationId());
		generation.totalCost();            // exact cost in USD
		generation.nativeTokensPrompt();   // tokens as the provider billed them
		generation.providerResponses();    // every provider attempt: provider, status, latency
		// end::generation-cost[]
		MessageResponse served = lastServed();
		assertThat(generation.totalCost()).isEqualByComparingTo(served.usage().cost());
		assertThat(generation.nativeTokensPrompt()).isEqualTo((long) served.usage().totalInputTokens());
		assertThat(generation.providerResponses()).singleElement()
			.satisfies((attempt) -> assertThat(attempt.providerName()).isEqualTo(served.provider()));
	}

	private static MessageResponse lastServed() {
		return stub.lastRequest().response();
	}

	private static Map<String, List<String>> snippets(Pattern pattern, String text) {
		Map<String, List<String>> snippets = new LinkedHashMap<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			snippets.put(matcher.group(1), normalize(matcher.group(2)));
		}
		return snippets;
	}

	private static List<String> normalize(String code) {
		return code.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

	// tag::tool-methods[]
	public static class WeatherTools {

		@OpenRouterTool(description = "Current weather in a city")
		public String getWeather(@ToolParameter(description = "The city name") String city) {
			return lookUpWeather(city); // an exception becomes an is_error result with its message
		}

	}
	// end::tool-methods[]

	// tag::create[]
	@Service
	public static class Assistant {

		private final MessagesClient client;

		public Assistant(MessagesClient client) { // the auto-configured bean
			this.client = client;
		}

		public String ask(String question) {
			MessageRequest request = MessageRequest.builder()
				.maxTokens(1024) // no model: openrouter.default-model applies
				.system("You are a concise assistant.")
				.addUserMessage(question)
				.build();
			return this.client.create(request).text();
		}

	}
	// end::create[]

}
