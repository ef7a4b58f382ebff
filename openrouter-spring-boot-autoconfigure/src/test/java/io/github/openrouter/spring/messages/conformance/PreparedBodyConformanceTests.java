package io.github.openrouter.spring.messages.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.client.internal.ClientSettings;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.client.internal.RequestPreparationProbe;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests for the client's request preparation: for every request of the
 * {@link RequestCorpus} (and the corpus without models or provider, so that defaults apply), with
 * and without client defaults, for create and stream, the body is byte for byte the one in
 * {@code fixtures/conformance/prepared-bodies.tsv} (one case a line: its name, a tab, the body).
 *
 * <p>
 * That file was written by the preparation at a8c3301, whose bodies these tests then checked against
 * the JSON-tree path the client used before (the same values, the fields the tree appended at the end
 * in the record's order). A change of the corpus or of what the client sends shows as a change of the
 * file in review.
 */
class PreparedBodyConformanceTests {

	private static final String BODIES = "conformance/prepared-bodies.tsv";

	static Stream<Arguments> cases() {
		ClientSettings plain = settings((builder) -> {
		});
		ClientSettings defaults = settings((builder) -> builder.defaultModel("default/model")
			.fallbackModels(List.of("x/one", "x/two"))
			.providerPreferences(ProviderPreferences.builder().order(List.of("anthropic")).allowFallbacks(true).build()));
		List<Arguments> cases = new ArrayList<>();
		RequestCorpus.all().forEach((name, request) -> {
			MessageRequest bare = request.toBuilder().model(null).models((List<String>) null).provider(null).build();
			for (boolean streaming : List.of(false, true)) {
				String mode = streaming ? "stream" : "create";
				cases.add(Arguments.of(name + ", " + mode, request, plain, streaming));
				cases.add(Arguments.of(name + ", " + mode + ", client defaults", request, defaults, streaming));
				cases.add(Arguments.of(name + " without model/models/provider, " + mode + ", client defaults", bare,
						defaults, streaming));
			}
		});
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldWriteTheRecordedBody(String name, MessageRequest request, ClientSettings settings, boolean streaming) {
		byte[] actual = new RequestPreparationProbe(settings).body(request, RequestOptions.none(), streaming);
		assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(bodies().get(name));
	}

	@Test
	void everyRecordedBodyShouldHaveItsCase() {
		assertThat(cases().map((arguments) -> (String) arguments.get()[0])).containsExactlyElementsOf(bodies().keySet());
	}

	private static Map<String, String> bodies() {
		Map<String, String> bodies = new LinkedHashMap<>();
		for (String line : Fixtures.get(BODIES).content().split("\n")) {
			int tab = line.indexOf('\t');
			bodies.put(line.substring(0, tab), line.substring(tab + 1));
		}
		return bodies;
	}

	private static ClientSettings settings(Consumer<MessagesClientBuilder> customizer) {
		MessagesClientBuilder builder = MessagesClient.builder().apiKey("sk-or-test-0123abcd");
		customizer.accept(builder);
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive()) {
			return client.settings();
		}
	}

}
