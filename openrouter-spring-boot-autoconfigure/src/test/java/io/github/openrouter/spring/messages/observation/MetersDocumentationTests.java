package io.github.openrouter.spring.messages.observation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.openrouter.spring.messages.observation.MessagesObservationDocumentation.HighCardinalityKeyNames;
import io.github.openrouter.spring.messages.observation.MessagesObservationDocumentation.LowCardinalityKeyNames;
import org.junit.jupiter.api.Test;

import static io.github.openrouter.spring.messages.observation.MessagesMeterObservationHandler.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code docs/METERS.md} documents exactly the meters and keys of
 * {@link MessagesMeterObservationHandler} and {@link MessagesObservationDocumentation}.
 */
class MetersDocumentationTests {

	private static final List<String> METERS = List.of(OPERATION_DURATION, TOKEN_USAGE, TIME_TO_FIRST_CHUNK,
			CACHE_READ_TOKENS, CACHE_CREATION_TOKENS, REASONING_TOKENS, COST, OPERATIONS, FALLBACKS, ROUTING_ATTEMPTS);

	@Test
	void shouldListEveryMeterOnceAndNoOther() throws IOException {
		String meters = section(document(), "### Meters", "Spring Boot's own meter handler");

		assertThat(firstCells(meters)).containsExactlyInAnyOrderElementsOf(METERS);
	}

	@Test
	void shouldListEveryLowCardinalityKeyAsACommonTag() throws IOException {
		String commonTags = section(document(), "### Common tags", "### Meters");

		assertThat(firstCells(commonTags)).containsExactlyInAnyOrderElementsOf(
				Stream.of(LowCardinalityKeyNames.values()).map(LowCardinalityKeyNames::asString).toList());
	}

	@Test
	void shouldMentionEveryMeterTagAndSpanAttribute() throws IOException {
		String document = document();

		assertThat(document).contains(TOKEN_TYPE, PROVIDER, ROUTING_STRATEGY, ROUTING_REGION, BYOK);
		for (HighCardinalityKeyNames key : HighCardinalityKeyNames.values()) {
			assertThat(document).contains("`" + key.asString() + "`");
		}
	}

	private static String document() throws IOException {
		Path path = Path.of("..", "docs", "METERS.md");
		return Files.readString(path, StandardCharsets.UTF_8);
	}

	private static String section(String document, String from, String to) {
		return document.substring(document.indexOf(from), document.indexOf(to));
	}

	private static List<String> firstCells(String markdown) {
		return markdown.lines()
			.filter((line) -> line.startsWith("| `"))
			.map((line) -> line.substring(3, line.indexOf('`', 3)))
			.toList();
	}

}
