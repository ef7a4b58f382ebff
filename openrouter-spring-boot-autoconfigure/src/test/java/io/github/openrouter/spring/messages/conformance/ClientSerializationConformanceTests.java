package io.github.openrouter.spring.messages.conformance;

import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests for {@link MessagesClient}: the body the client sends for every request
 * of the {@link RequestCorpus} equals what a plain Jackson 3 mapper writes for it (the client
 * has no defaults here, and sets {@code stream} itself), and the response it returns equals
 * what a plain mapper reads, so the model needs nothing but its annotations.
 */
class ClientSerializationConformanceTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private static final String RESPONSE = Fixtures.get("conformance/responses/all-content-blocks.json").content();

	private MessagesClient client;

	static Stream<Arguments> corpus() {
		return RequestCorpusConformanceTests.corpus();
	}

	@BeforeEach
	void setUp() {
		wireMock.stubFor(post(urlEqualTo("/api/v1/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(RESPONSE)));
		this.client = MessagesClient.builder()
			.baseUrl(wireMock.baseUrl() + "/api/v1")
			.apiKey("sk-or-conformance-test")
			.build();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void clientSendsWhatThePlainMapperWrites(String name, MessageRequest request) {
		this.client.create(request);
		assertThat(wireMock.getAllServeEvents()).hasSize(1);
		ServeEvent event = wireMock.getAllServeEvents().get(0);
		JsonNode sent = JsonTrees.mapper.readTree(event.getRequest().getBodyAsString());
		ObjectNode expected = (ObjectNode) JsonTrees.wire(request);
		expected.remove("stream");
		assertThat(sent).isEqualTo(expected);
		assertThat(OpenApiSchemas.get().validate("MessagesRequest", sent)).isEmpty();
	}

	@Test
	void clientReturnsWhatThePlainMapperReads() {
		MessageResponse response = this.client.create(RequestCorpus.all().get("minimal"));
		MessageResponse plain = JsonTrees.mapper.readValue(RESPONSE, MessageResponse.class);
		assertThat(response.withGenerationId(null)).isEqualTo(plain);
		assertThat(JsonTrees.wire(response)).isEqualTo(JsonTrees.wire(plain));
	}

	@Test
	void shouldSendEveryCorpusRequest() {
		Map<String, MessageRequest> corpus = RequestCorpus.all();
		corpus.values().forEach(this.client::create);
		assertThat(wireMock.getAllServeEvents()).hasSize(corpus.size());
	}

}
