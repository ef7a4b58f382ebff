package io.github.openrouter.spring.messages.reliability;

import java.time.Duration;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.RetryPolicy;
import io.github.openrouter.spring.messages.error.RequestValidationException;
import io.github.openrouter.spring.messages.model.MessageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that streaming calls of
 * {@link io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient}, blocking and
 * reactive, reject bad input before the network like {@code create} does: the server never sees
 * a connection.
 */
class StreamBadInputTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String USER = "{\"role\":\"user\",\"content\":\"Hi\"}";

	private static FaultServer server;

	@BeforeAll
	static void start() throws Exception {
		server = new FaultServer("0");
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
	}

	static Stream<Arguments> invalidStreams() {
		MessageRequest valid = MessageRequest.builder().model("m").addUserMessage("Hi").build();
		return Stream.of(
				Arguments.of("no model", parse("{\"messages\":[" + USER + "]}"), RequestOptions.none(), "model",
						"required"),
				Arguments.of("empty messages", parse("{\"model\":\"m\",\"messages\":[]}"), RequestOptions.none(),
						"messages", "at least 1 message"),
				Arguments.of("zero max_tokens", parse("{\"model\":\"m\",\"max_tokens\":0,\"messages\":[" + USER + "]}"),
						RequestOptions.none(), "max_tokens", ">= 1"),
				Arguments.of("top_p above 1", parse("{\"model\":\"m\",\"top_p\":1.5,\"messages\":[" + USER + "]}"),
						RequestOptions.none(), "top_p", "between 0 and 1"),
				Arguments.of("four fallbacks",
						parse("{\"model\":\"m\",\"fallbacks\":[{\"model\":\"a\"},{\"model\":\"b\"},{\"model\":\"c\"},"
								+ "{\"model\":\"d\"}],\"messages\":[" + USER + "]}"),
						RequestOptions.none(), "fallbacks", "at most 3"),
				Arguments.of("Authorization header per call", valid,
						RequestOptions.builder().header("Authorization", "Bearer x").build(), "headers.Authorization",
						"set only from the client's API key"),
				Arguments.of("non-positive timeout option", valid, RequestOptions.builder().timeout(Duration.ZERO).build(),
						"timeout", "positive"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidStreams")
	void shouldRejectStreamsBeforeTheNetwork(String name, MessageRequest request, RequestOptions options, String field,
			String limit) {
		MessagesClient client = MessagesClient.builder()
			.apiKey(FaultClients.API_KEY)
			.baseUrl(server.baseUrl())
			.retryPolicy(RetryPolicy.none())
			.build();
		assertThatExceptionOfType(RequestValidationException.class)
			.isThrownBy(() -> client.reactive().stream(request, options).blockLast(Duration.ofSeconds(30)))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.limit()).contains(limit);
				assertThat(ex.getMessage()).contains(field).contains(limit);
			});
		assertThatExceptionOfType(RequestValidationException.class).isThrownBy(() -> {
			try (var stream = client.stream(request, options)) {
				stream.finalMessage();
			}
		}).satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
		assertThat(server.connections()).as("connections the server accepted").isZero();
	}

	private static MessageRequest parse(String json) {
		return MAPPER.readValue(json, MessageRequest.class);
	}

}
