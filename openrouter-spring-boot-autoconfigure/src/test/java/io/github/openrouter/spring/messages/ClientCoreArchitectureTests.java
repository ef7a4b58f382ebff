package io.github.openrouter.spring.messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the client core (everything outside the auto-configuration package) does not
 * depend on Spring Boot, so it can be used with plain Spring Framework.
 */
class ClientCoreArchitectureTests {

	private static final Path MAIN_SOURCES = Paths.get("src", "main", "java");

	private static final String AUTOCONFIGURE_PACKAGE = "io.github.openrouter.spring.autoconfigure";

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

	private static final Pattern BOOT_REFERENCE = Pattern
		.compile("(?m)^\\s*import\\s+(?:static\\s+)?org\\.springframework\\.boot\\.|\\borg\\.springframework\\.boot\\.\\w");

	@Test
	void clientCoreShouldNotImportSpringBoot() throws IOException {
		List<Path> sources = javaSources();
		assertThat(sources).as("main sources under %s", MAIN_SOURCES.toAbsolutePath()).isNotEmpty();
		List<String> offenders = new ArrayList<>();
		for (Path source : sources) {
			String text = Files.readString(source, StandardCharsets.UTF_8);
			String packageName = packageOf(text);
			if (!isAutoConfiguration(packageName) && BOOT_REFERENCE.matcher(text).find()) {
				offenders.add(MAIN_SOURCES.relativize(source).toString());
			}
		}
		assertThat(offenders).as("client-core files that reference org.springframework.boot").isEmpty();
	}

	@Test
	void theTransportShouldUseNoReflectionThreadOrSchedulerOfItsOwn() throws IOException {
		Pattern forbidden = Pattern.compile("java\\.lang\\.reflect|ReflectionUtils|new Thread\\b|Executors\\.|"
				+ "Schedulers\\.new|HashedWheelTimer|\\.setAccessible\\(");
		List<String> offenders = new ArrayList<>();
		for (Path source : javaSources()) {
			String text = Files.readString(source, StandardCharsets.UTF_8);
			String packageName = packageOf(text);
			if ((packageName.contains(".messages.client") || packageName.contains(".messages.streaming"))
					&& forbidden.matcher(text).find()) {
				offenders.add(MAIN_SOURCES.relativize(source).toString());
			}
		}
		assertThat(offenders).as("transport files with reflection, threads or schedulers of their own").isEmpty();
	}

	@Test
	void detectorShouldFindBootImportsAndIgnoreOthers() {
		assertThat(BOOT_REFERENCE.matcher("package a;\nimport org.springframework.boot.SpringApplication;\n").find())
			.isTrue();
		assertThat(BOOT_REFERENCE
			.matcher("package a;\nimport static org.springframework.boot.test.Foo.bar;\n")
			.find()).isTrue();
		assertThat(BOOT_REFERENCE.matcher("class A { org.springframework.boot.Banner b; }").find()).isTrue();
		assertThat(BOOT_REFERENCE.matcher("package a;\nimport org.springframework.web.reactive.function.client.WebClient;\n")
			.find()).isFalse();
		assertThat(isAutoConfiguration("io.github.openrouter.spring.autoconfigure")).isTrue();
		assertThat(isAutoConfiguration("io.github.openrouter.spring.autoconfigure.observation")).isTrue();
		assertThat(isAutoConfiguration("io.github.openrouter.spring.messages.client.internal")).isFalse();
		assertThat(isAutoConfiguration("io.github.openrouter.spring.autoconfigurex")).isFalse();
	}

	private static List<Path> javaSources() throws IOException {
		try (Stream<Path> paths = Files.walk(MAIN_SOURCES)) {
			return paths.filter((path) -> path.toString().endsWith(".java")).toList();
		}
	}

	private static String packageOf(String text) {
		Matcher matcher = PACKAGE.matcher(text);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static boolean isAutoConfiguration(String packageName) {
		return packageName.equals(AUTOCONFIGURE_PACKAGE) || packageName.startsWith(AUTOCONFIGURE_PACKAGE + ".");
	}

}
