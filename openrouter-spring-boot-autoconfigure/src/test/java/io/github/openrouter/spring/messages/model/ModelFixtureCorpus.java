package io.github.openrouter.spring.messages.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.conformance.Fixtures;
import org.junit.jupiter.params.provider.Arguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response and request fixture with the model type it decodes to, as arguments
 * {@code (file name, type, JSON)} for the model's parameterized decoding tests.
 */
final class ModelFixtureCorpus {

	private ModelFixtureCorpus() {
	}

	static Stream<Arguments> fixtures() {
		List<Arguments> fixtures = new ArrayList<>();
		fixtures.addAll(fixtures("conformance/responses/*.json", MessageResponse.class));
		fixtures.addAll(fixtures("stream-counterparts/**/*.json", MessageResponse.class));
		fixtures.addAll(fixtures("synthetic-observability/*.json", MessageResponse.class));
		fixtures.addAll(fixtures("openrouter-spec/response-200.example.json", MessageResponse.class));
		fixtures.addAll(fixtures("conformance/requests/*.json", MessageRequest.class));
		assertThat(fixtures).hasSizeGreaterThan(20);
		return fixtures.stream();
	}

	private static List<Arguments> fixtures(String pattern, Class<?> type) {
		return Fixtures.list(pattern)
			.stream()
			.map((fixture) -> Arguments.of(fixture.fileName(), type, fixture.content()))
			.toList();
	}

}
