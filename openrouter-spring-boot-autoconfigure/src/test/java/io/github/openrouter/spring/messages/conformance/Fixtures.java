package io.github.openrouter.spring.messages.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Lists and reads the test fixtures under {@code src/test/resources/fixtures/}.
 */
public final class Fixtures {

	private static final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private Fixtures() {
	}

	/**
	 * Lists fixtures matching a pattern below {@code fixtures/}, sorted by name.
	 * @param pattern an Ant-style pattern such as {@code openrouter-spec/*.json}
	 * @return the matching fixtures
	 */
	public static List<Fixture> list(String pattern) {
		try {
			Resource[] resources = resolver.getResources("classpath:fixtures/" + pattern);
			List<Fixture> fixtures = new ArrayList<>();
			Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.forEach((resource) -> fixtures.add(new Fixture(folderOf(resource) + "/" + resource.getFilename(),
						read(resource))));
			return fixtures;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads one fixture.
	 * @param path the path below {@code fixtures/}
	 * @return the fixture
	 */
	static Fixture get(String path) {
		try (InputStream input = Fixtures.class.getClassLoader().getResourceAsStream("fixtures/" + path)) {
			if (input == null) {
				throw new IllegalArgumentException("No fixture " + path);
			}
			return new Fixture(path, new String(input.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String folderOf(Resource resource) {
		try {
			String uri = resource.getURI().toString();
			String[] segments = uri.split("/");
			return segments[segments.length - 2];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Resource resource) {
		try (InputStream input = resource.getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One fixture file.
	 *
	 * @param path folder and file name below {@code fixtures/}
	 * @param content the file's text
	 */
	public record Fixture(String path, String content) {

		public String fileName() {
			return this.path.substring(this.path.lastIndexOf('/') + 1);
		}

		@Override
		public String toString() {
			return this.path;
		}

	}

}
