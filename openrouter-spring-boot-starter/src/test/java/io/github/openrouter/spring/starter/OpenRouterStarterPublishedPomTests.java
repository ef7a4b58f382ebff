package io.github.openrouter.spring.starter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests of the starter's POM as a user's build resolves it from Maven Central: the flattened
 * POM that flatten-maven-plugin writes in {@code process-resources}, before these tests run.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterStarterPublishedPomTests {

	private static final Path MODULE = Path.of("").toAbsolutePath();

	private static Element project;

	@BeforeAll
	static void readFlattenedPom() throws IOException, ParserConfigurationException, SAXException {
		Path pom = MODULE.resolve(".flattened-pom.xml");
		assertThat(pom).as("written by flatten-maven-plugin; run the tests through Maven").isRegularFile();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document document = factory.newDocumentBuilder().parse(pom.toFile());
		project = document.getDocumentElement();
	}

	@Test
	void shouldStandAloneWithoutParentOrBuildSections() {
		assertThat(childNames(project)).doesNotContain("parent", "dependencyManagement", "properties", "build",
				"profiles", "repositories", "pluginRepositories");
		assertThat(text(project, "groupId")).isEqualTo("io.github.openrouter.spring");
		assertThat(text(project, "artifactId")).isEqualTo("openrouter-spring-boot-starter");
		assertThat(text(project, "version")).doesNotContain("${");
	}

	@Test
	void shouldHaveWhatMavenCentralRequires() throws IOException {
		assertThat(text(project, "name")).isNotBlank();
		assertThat(text(project, "description")).isNotBlank();
		String url = text(project, "url");
		assertThat(url).startsWith("https://github.com/");
		Element scm = child(project, "scm");
		assertThat(text(scm, "url")).isEqualTo(url);
		assertThat(text(scm, "connection")).isEqualTo("scm:git:" + url + ".git");
		assertThat(text(child(project, "developers"), "developer", "name")).isNotBlank();
		assertThat(text(child(project, "issueManagement"), "url")).isEqualTo(url + "/issues");
		Element license = child(child(project, "licenses"), "license");
		assertThat(text(license, "name")).isEqualTo("Apache License, Version 2.0");
		assertThat(text(license, "url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
		assertThat(Files.readString(MODULE.resolveSibling("LICENSE"), StandardCharsets.UTF_8))
			.as("the LICENSE file the POM's licence names")
			.startsWith("\n                                 Apache License\n")
			.contains("Version 2.0, January 2004")
			.contains("END OF TERMS AND CONDITIONS");
	}

	@Test
	void shouldListOnlyWhatAnApplicationNeeds() {
		String bootVersion = System.getProperty("openrouter.build.spring-boot-version");
		List<Element> dependencies = children(child(project, "dependencies"), "dependency");
		assertThat(dependencies)
			.extracting((dependency) -> text(dependency, "groupId"), (dependency) -> text(dependency, "artifactId"),
					(dependency) -> text(dependency, "scope"), (dependency) -> text(dependency, "optional"))
			.containsExactlyInAnyOrder(tuple("org.springframework.boot", "spring-boot-starter", "compile", ""),
					tuple("org.springframework.boot", "spring-boot-starter-webclient", "compile", ""),
					tuple("io.github.openrouter.spring", "openrouter-spring-boot-autoconfigure", "compile", ""));
		assertThat(dependencies).allSatisfy((dependency) -> {
			String version = text(dependency, "version");
			assertThat(version).isNotBlank().doesNotContain("${");
			if (bootVersion != null && text(dependency, "groupId").equals("org.springframework.boot")) {
				assertThat(version).isEqualTo(bootVersion);
			}
		});
	}

	private static String text(Element element, String... path) {
		Element current = element;
		for (String name : path) {
			List<Element> matches = children(current, name);
			if (matches.isEmpty()) {
				return "";
			}
			current = matches.get(0);
		}
		return current.getTextContent().trim();
	}

	private static Element child(Element element, String name) {
		List<Element> matches = children(element, name);
		assertThat(matches).as("<%s> in <%s>", name, element.getTagName()).hasSize(1);
		return matches.get(0);
	}

	private static List<String> childNames(Element element) {
		return children(element, null).stream().map(Element::getTagName).toList();
	}

	private static List<Element> children(Element element, String name) {
		List<Element> children = new ArrayList<>();
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && (name == null || child.getTagName().equals(name))) {
				children.add(child);
			}
		}
		return children;
	}

}
