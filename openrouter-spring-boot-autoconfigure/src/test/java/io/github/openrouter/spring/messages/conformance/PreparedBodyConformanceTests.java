package io.github.openrouter.spring.messages.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.MessagesClient;
import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.RequestOptions;
import io.github.openrouter.spring.messages.client.internal.ClientSettings;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.client.internal.RequestPreparationProbe;
import io.github.openrouter.spring.messages.client.internal.TreeRequestPreparation;
import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.routing.ProviderPreferences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conformance tests for the client's one-pass request preparation: for every request of the
 * {@link RequestCorpus} (and the corpus without models or provider, so that defaults apply), with
 * and without client defaults, for create and stream, the body equals the one the old tree path
 * ({@link TreeRequestPreparation}) wrote.
 *
 * <p>
 * Byte for byte when the old path added no field; otherwise only the position of the fields it
 * appended to the end of its tree ({@code model}, {@code models}, {@code provider},
 * {@code stream}) differs: the new body is written from the record, in the record's field order. That
 * is checked by writing the old path's own tree in the new body's field order and comparing bytes,
 * so every value is the exact text the old path sent.
 */
class PreparedBodyConformanceTests {

	private static final JsonMapper mapper = JsonTrees.mapper;

	private static final Set<String> MOVABLE = Set.of("model", "models", "provider", "stream");

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
	void shouldWriteWhatTheTreePathWrote(String name, MessageRequest request, ClientSettings settings,
			boolean streaming) {
		RequestOptions options = RequestOptions.none();
		byte[] actual = new RequestPreparationProbe(settings).body(request, options, streaming);
		TreeRequestPreparation old = new TreeRequestPreparation(settings);
		byte[] expected = old.body(request, options, streaming);
		ObjectNode oldTree = old.tree(request, options, streaming);
		List<String> actualOrder = new ArrayList<>(mapper.readTree(actual).propertyNames());
		List<String> oldOrder = new ArrayList<>(oldTree.propertyNames());
		assertThat(actualOrder).containsExactlyInAnyOrderElementsOf(oldOrder);
		assertThat(withoutMovable(actualOrder)).isEqualTo(withoutMovable(oldOrder));
		if (actualOrder.equals(oldOrder)) {
			assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
		}
		else {
			ObjectNode reordered = mapper.createObjectNode();
			actualOrder.forEach((field) -> reordered.set(field, oldTree.get(field)));
			assertThat(new String(actual, StandardCharsets.UTF_8))
				.isEqualTo(new String(mapper.writeValueAsBytes(reordered), StandardCharsets.UTF_8));
		}
		assertThat(mapper.readTree(actual)).isEqualTo(mapper.readTree(expected));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldWriteTheTreePathsBytesForCreateWithoutDefaults(String name, MessageRequest request,
			ClientSettings settings, boolean streaming) {
		if (streaming || !settings.fallbackModels().isEmpty()) {
			return;
		}
		byte[] actual = new RequestPreparationProbe(settings).body(request, RequestOptions.none(), false);
		byte[] expected = new TreeRequestPreparation(settings).body(request, RequestOptions.none(), false);
		assertThat(actual).isEqualTo(expected);
	}

	private static List<String> withoutMovable(List<String> fields) {
		return fields.stream().filter((field) -> !MOVABLE.contains(field)).toList();
	}

	private static ClientSettings settings(Consumer<MessagesClientBuilder> customizer) {
		MessagesClientBuilder builder = MessagesClient.builder().apiKey("sk-or-test-0123abcd");
		customizer.accept(builder);
		try (DefaultReactiveMessagesClient client = (DefaultReactiveMessagesClient) builder.buildReactive()) {
			return client.settings();
		}
	}

}
