package io.github.openrouter.spring.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the property reference in the root README matches the configuration metadata that
 * the autoconfigure module's annotation processor generates. On a mismatch the expected table is
 * written to {@code target/readme-properties.md}, ready to paste.
 */
class ReadmePropertiesTests {

	static final String BEGIN = "<!-- properties:begin (generated from spring-configuration-metadata.json; checked by ReadmePropertiesTests) -->";

	static final String END = "<!-- properties:end -->";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	private static final String MODULE = "openrouter-spring-boot-autoconfigure";

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void shouldDocumentExactlyTheStarterPropertiesInReadme() throws IOException {
		List<String> expected = expectedRows();
		List<String> documented = documentedRows();
		if (!documented.equals(expected)) {
			Path out = Path.of("target", "readme-properties.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, String.join("\n", table(expected)) + "\n", StandardCharsets.UTF_8);
		}
		assertThat(names(documented)).as("properties listed in README.md vs the generated metadata (expected table in %s)",
				Path.of("target", "readme-properties.md").toAbsolutePath())
			.containsExactlyElementsOf(names(expected));
		assertThat(documented).as("type, default and description of each property in README.md")
			.containsExactlyElementsOf(expected);
	}

	@Test
	void shouldFindTheAutoconfigureMetadataWithApiKeyAndDefaultModel() throws IOException {
		assertThat(names(expectedRows())).contains("openrouter.api-key", "openrouter.base-url",
				"openrouter.default-model", "openrouter.fallback-models", "openrouter.routing-metadata");
	}

	@Test
	void shouldUseOnlyExistingPropertiesInYamlExamples() throws IOException {
		List<String> known = names(expectedRows());
		List<String> used = new ArrayList<>();
		Matcher yamlBlocks = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(ReadmeFile.read());
		while (yamlBlocks.find()) {
			used.addAll(keys(yamlBlocks.group(1)));
		}
		used.addAll(keys(Files.readString(Path.of("src", "main", "resources", "application.yml"))));

		assertThat(used).as("openrouter.* keys in README's yaml examples and application.yml")
			.isNotEmpty()
			.allSatisfy((key) -> assertThat(known).contains(key));
	}

	@SuppressWarnings("unchecked")
	private static List<String> keys(String yaml) {
		List<String> keys = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document instanceof Map<?, ?> map) {
				flatten("", (Map<String, Object>) map, keys);
			}
		}
		return keys.stream().filter((key) -> key.startsWith("openrouter.")).toList();
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Map<String, Object> map, List<String> keys) {
		map.forEach((key, value) -> {
			if (value instanceof Map<?, ?> nested) {
				flatten(prefix + key + ".", (Map<String, Object>) nested, keys);
			}
			else {
				keys.add(prefix + key);
			}
		});
	}

	static List<String> table(List<String> rows) {
		List<String> table = new ArrayList<>();
		table.add("| property | type | default | description |");
		table.add("|---|---|---|---|");
		table.addAll(rows);
		return table;
	}

	private List<String> expectedRows() throws IOException {
		TreeMap<String, String> rows = new TreeMap<>();
		for (JsonNode property : metadata().path("properties")) {
			String name = property.path("name").asString("");
			if (!name.startsWith("openrouter.") || property.has("deprecation")) {
				continue;
			}
			String type = property.path("type").asString("");
			rows.put(name, "| `" + name + "` | " + code(simpleType(type)) + " | "
					+ code(defaultValue(property.path("defaultValue"))) + " | "
					+ cell(property.path("description").asString("")) + enumValues(type) + " |");
		}
		return new ArrayList<>(rows.values());
	}

	private JsonNode metadata() throws IOException {
		List<URL> candidates = Collections.list(getClass().getClassLoader().getResources(METADATA))
			.stream()
			.filter((url) -> url.toString().contains(MODULE))
			.toList();
		assertThat(candidates).as("%s of %s on the classpath", METADATA, MODULE).hasSize(1);
		try (InputStream in = candidates.get(0).openStream()) {
			return this.mapper.readTree(in);
		}
	}

	private static List<String> documentedRows() throws IOException {
		String readme = ReadmeFile.read();
		int begin = readme.indexOf(BEGIN);
		int end = readme.indexOf(END);
		assertThat(begin).as("README.md must contain the marker %s", BEGIN).isNotNegative();
		assertThat(end).as("README.md must contain the marker %s after the begin marker", END).isGreaterThan(begin);
		List<String> rows = new ArrayList<>();
		for (String line : readme.substring(begin + BEGIN.length(), end).split("\n")) {
			if (line.startsWith("| `")) {
				rows.add(line.strip());
			}
		}
		return rows;
	}

	private static List<String> names(List<String> rows) {
		return rows.stream().map((row) -> row.substring(3, row.indexOf('`', 3))).toList();
	}

	private static String simpleType(String type) {
		return type.replaceAll("[a-z][a-zA-Z0-9_]*\\.", "").replaceAll("[A-Z][A-Za-z0-9]*\\$", "");
	}

	private static String enumValues(String type) {
		Matcher generic = Pattern.compile("<(.+)>").matcher(type);
		String className = generic.find() ? generic.group(1) : type;
		try {
			Class<?> candidate = Class.forName(className, false, ReadmePropertiesTests.class.getClassLoader());
			if (!candidate.isEnum()) {
				return "";
			}
			List<String> values = new ArrayList<>();
			for (Object constant : candidate.getEnumConstants()) {
				values.add("`" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-') + "`");
			}
			return " One of " + String.join(", ", values) + ".";
		}
		catch (ClassNotFoundException ex) {
			return "";
		}
	}

	private static String defaultValue(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			return String.join(", ", items);
		}
		return value.asString();
	}

	private static String code(String text) {
		return text.isEmpty() ? "" : "`" + text + "`";
	}

	private static String cell(String text) {
		return text.replace("\r", "").replace("\n", " ").replace("|", "\\|").strip();
	}

}
