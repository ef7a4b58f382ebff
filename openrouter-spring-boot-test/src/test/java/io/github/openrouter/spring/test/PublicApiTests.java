package io.github.openrouter.spring.test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the module's public API is the one written down in
 * {@code src/test/resources/public-api.txt}, so that a change of the API surface shows in review.
 * (The autoconfigure module's test of the same name also checks the Javadoc of its public types;
 * every public type here is for applications.)
 */
class PublicApiTests {

	private static final Path LISTING = Paths.get("src", "test", "resources", "public-api.txt");

	@Test
	void publicTypesShouldBeTheListedOnes() throws IOException {
		List<String> actual = publicTypes();
		assertThat(actual).as("public types found").contains("io.github.openrouter.spring.test.OpenRouterStub (class)");
		if (Boolean.getBoolean("openrouter.public-api.update")) {
			Files.write(LISTING, actual, StandardCharsets.UTF_8);
		}
		assertThat(actual).as("the public API differs from %s: if the change is deliberate, update the file (or run "
				+ "this test with -Dopenrouter.public-api.update=true) and say so in review", LISTING)
			.containsExactlyElementsOf(Files.readAllLines(LISTING, StandardCharsets.UTF_8));
	}

	/**
	 * Returns the public types, nested ones included, of this module's main classes (the tests share
	 * the package), one line each with its kind, sorted.
	 */
	private static List<String> publicTypes() {
		URL main = OpenRouterStub.class.getProtectionDomain().getCodeSource().getLocation();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter((reader, factory) -> true);
		return scanner.findCandidateComponents(OpenRouterStub.class.getPackageName())
			.stream()
			.<Class<?>>map((definition) -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
			.filter((type) -> main.equals(type.getProtectionDomain().getCodeSource().getLocation()))
			.filter(PublicApiTests::isPublic)
			.map((type) -> type.getCanonicalName() + " (" + (type.isAnnotation() ? "annotation"
					: type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class")
					+ ")")
			.sorted()
			.toList();
	}

	private static boolean isPublic(Class<?> type) {
		return Modifier.isPublic(type.getModifiers()) && !type.isAnonymousClass() && !type.isSynthetic()
				&& (type.getDeclaringClass() == null || isPublic(type.getDeclaringClass()));
	}

}
