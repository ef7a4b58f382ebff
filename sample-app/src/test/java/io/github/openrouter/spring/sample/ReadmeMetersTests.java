package io.github.openrouter.spring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the meters tables of the root README are those of {@code docs/METERS.md}, which the
 * observability code documents.
 */
class ReadmeMetersTests {

	@Test
	void shouldShowTheMetersAndCommonTagsOfMetersDoc() throws IOException {
		String readme = ReadmeFile.read();
		String meters = Files.readString(ReadmeFile.path().resolveSibling(Path.of("docs", "METERS.md")),
				StandardCharsets.UTF_8);
		String readmeBlock = readme.substring(readme.indexOf("<!-- meters:begin"), readme.indexOf("<!-- meters:end"));

		List<String> documented = rows(meters.substring(meters.indexOf("### Common tags"), meters.indexOf("### Cardinality")));
		assertThat(documented).hasSizeGreaterThan(10)
			.anySatisfy((row) -> assertThat(row).startsWith("| `gen_ai.client.token.usage` |"));
		assertThat(rows(readmeBlock)).containsExactlyInAnyOrderElementsOf(documented);
	}

	private static List<String> rows(String markdown) {
		return markdown.lines().filter((line) -> line.startsWith("| `")).map(String::strip).toList();
	}

}
