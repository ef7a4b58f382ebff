package io.github.openrouter.spring.messages.streaming.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.OpenRouterException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import io.github.openrouter.spring.messages.streaming.MessageAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that every {@code .sse} fixture, served by WireMock in dribbled chunks, streams
 * through {@link MessagesClient} to the message of its non-streaming counterpart, or to a
 * typed error.
 */
class StreamingFixturesWireMockTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String PATH = "/api/v1/messages";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static MessagesClient client;

	static MessagesClient client() {
		if (client == null) {
			client = MessagesClient.builder()
				.apiKey("sk-or-v1-wiremock-streaming")
				.baseUrl("http://127.0.0.1:" + wireMock.getPort() + "/api/v1")
				.retryPolicy(RetryPolicy.none())
				.build();
		}
		return client;
	}

	@AfterAll
	static void closeClient() throws Exception {
		if (client instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	static List<Path> fixtures() {
		return SseFixtures.sseFiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void shouldStreamEachFixtureToItsCounterpartOrATypedError(Path file) throws Exception {
		wireMock.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withHeader("X-Generation-Id", "gen-wiremock")
			.withBody(SseFixtures.read(file))
			.withChunkedDribbleDelay(8, 40)));
		List<StreamEvent> events = new ArrayList<>();
		Throwable[] error = new Throwable[1];
		client().reactive()
			.stream(MessageRequest.builder().model("anthropic/claude-sonnet-4").maxTokens(64).addUserMessage("Hi").build())
			.doOnNext(events::add)
			.onErrorResume((ex) -> {
				error[0] = ex;
				return Flux.empty();
			})
			.blockLast(Duration.ofSeconds(30));
		wireMock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Accept", equalTo("text/event-stream"))
			.withRequestBody(equalToJson("{\"stream\": true}", true, true)));
		Path counterpart = counterpart(SseFixtures.name(file));
		if (Files.exists(counterpart)) {
			assertThat(error[0]).isNull();
			MessageResponse expected = MAPPER.readValue(Files.readAllBytes(counterpart), MessageResponse.class);
			MessageResponse actual = MessageAccumulator.accumulate(Flux.fromIterable(events)).block();
			assertThat(actual).isEqualTo(expected.withGenerationId("gen-wiremock"));
		}
		else if (error[0] != null) {
			assertThat(error[0]).isInstanceOf(OpenRouterException.class);
		}
		else {
			assertThat(MessageAccumulator.accumulate(Flux.fromIterable(events)).block()).isNotNull();
		}
	}

	private static Path counterpart(String fixture) {
		if (fixture.equals("streaming-quirks/spec-schema-examples-assembled.sse")) {
			return SseFixtures.root().resolve("openrouter-spec/schema-example.MessagesResult.json");
		}
		return SseFixtures.root().resolve("stream-counterparts/" + fixture.replaceAll("\\.sse$", ".json"));
	}

}
