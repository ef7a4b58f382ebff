package io.github.openrouter.spring.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the starter is a dependencies-only jar, as Spring Boot's own starters are.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterStarterPackagingTests {

	private final Path module = Path.of("").toAbsolutePath();

	@Test
	void shouldBeDependenciesOnly() throws IOException {
		assertThat(this.module.resolve("pom.xml")).content()
			.contains("<artifactId>openrouter-spring-boot-starter</artifactId>")
			.contains("<Spring-Boot-Jar-Type>dependencies-starter</Spring-Boot-Jar-Type>");
		assertThat(filesUnder(this.module.resolve("src/main"))).isEmpty();
		assertThat(filesUnder(this.module.resolve("target/classes")))
			.noneMatch((path) -> path.toString().endsWith(".class"));
	}

	@Test
	void shouldPackageNoClassesWhenTheJarHasBeenBuilt() throws IOException {
		// The jar exists only after "package"; "mvn verify" runs this test before it.
		List<Path> jars = filesUnder(this.module.resolve("target")).stream()
			.filter((path) -> path.getFileName().toString().matches("openrouter-spring-boot-starter-[^/]*\\.jar"))
			.filter((path) -> !path.getFileName().toString().endsWith("-sources.jar"))
			.toList();
		for (Path jar : jars) {
			try (JarFile jarFile = new JarFile(jar.toFile())) {
				assertThat(jarFile.stream().map(JarEntry::getName)).as(jar.getFileName().toString())
					.noneMatch((name) -> name.endsWith(".class"));
				assertThat(jarFile.getManifest().getMainAttributes().getValue("Spring-Boot-Jar-Type"))
					.isEqualTo("dependencies-starter");
			}
		}
	}

	private static List<Path> filesUnder(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
