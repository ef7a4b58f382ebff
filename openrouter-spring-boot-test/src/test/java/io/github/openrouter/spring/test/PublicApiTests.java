package io.github.openrouter.spring.test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
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
 * Tests that the module's public API is the one written down in {@code src/test/resources/public-api.txt},
 * so that a change of the API surface shows in review, and that no public type outside an
 * {@code internal} package says in its Javadoc that it is not for applications. A copy of the
 * autoconfigure module's {@code PublicApiTests}, which also tests the detectors.
 */
class PublicApiTests {

	private static final String BASE_PACKAGE = "io.github.openrouter.spring.test";

	private static final Path LISTING = Paths.get("src", "test", "resources", "public-api.txt");

	private static final Path MAIN_SOURCES = Paths.get("src", "main", "java");

	private static final String UPDATE_PROPERTY = "openrouter.public-api.update";

	/** Javadoc of a type that applications should not use. */
	private static final Pattern NOT_FOR_APPLICATIONS = Pattern.compile("not (?:a |part of the )?(?:supported|public) api"
			+ "|not (?:meant |intended )?for applications?|applications? (?:do|does|should) not (?:need|use)"
			+ "|for internal use|\\binternal (?:api|class|type|use)\\b|\\bsupport class\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PUBLIC_TYPE = Pattern
		.compile("^(?:public|protected)\\s[^{;=(]*?\\b(?:class|interface|record|enum|@interface)\\s+(\\w+)");

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

	@Test
	void publicTypesShouldBeTheListedOnes() throws Exception {
		List<String> actual = publicTypes(OpenRouterStub.class);
		assertThat(actual).as("public types found").isNotEmpty();
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			Files.write(LISTING, actual, StandardCharsets.UTF_8);
		}
		List<String> listed = Files.readAllLines(LISTING, StandardCharsets.UTF_8);
		assertThat(actual).as(difference(listed, actual)).isEqualTo(listed);
	}

	@Test
	void publicTypesShouldNotSayTheyAreNotForApplications() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(MAIN_SOURCES)) {
			for (Path source : paths.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source, StandardCharsets.UTF_8);
				Matcher packageName = PACKAGE.matcher(text);
				if (packageName.find() && !isInternal(packageName.group(1))) {
					typeJavadoc(text).stream()
						.filter((javadoc) -> NOT_FOR_APPLICATIONS.matcher(javadoc[1]).find())
						.forEach((javadoc) -> offenders.add(packageName.group(1) + "." + javadoc[0]));
				}
			}
		}
		assertThat(offenders).as("public types whose Javadoc says they are not for applications: move them to an "
				+ "internal package or make them package-private").isEmpty();
	}

	/**
	 * Returns the public and protected types of the module that holds {@code anchor}: its own
	 * compiled classes only, those of {@code internal} packages left out, a nested type only when
	 * its enclosing types are part of the API too. One line per type, its kind and name, sorted.
	 */
	static List<String> publicTypes(Class<?> anchor) throws IOException, URISyntaxException {
		Path classes = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path base = classes.resolve(BASE_PACKAGE.replace('.', '/'));
		List<String> types = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(base)) {
			for (Path file : paths.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String relative = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
				String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
				Class<?> type = loadClass(name, anchor.getClassLoader());
				if (!isInternal(type.getPackageName()) && isApi(type)) {
					types.add(type.getCanonicalName() + " (" + kind(type) + ")");
				}
			}
		}
		return types.stream().sorted().toList();
	}

	private static Class<?> loadClass(String name, ClassLoader classLoader) {
		try {
			return Class.forName(name, false, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isApi(Class<?> type) {
		if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
			return false;
		}
		Class<?> enclosing = type.getDeclaringClass();
		int modifiers = type.getModifiers();
		boolean visible = Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && enclosing != null
				&& !Modifier.isFinal(enclosing.getModifiers()));
		return visible && (enclosing == null || isApi(enclosing));
	}

	private static boolean isInternal(String packageName) {
		return (packageName + ".").contains(".internal.");
	}

	private static String kind(Class<?> type) {
		if (type.isAnnotation()) {
			return "annotation";
		}
		if (type.isInterface()) {
			return "interface";
		}
		if (type.isEnum()) {
			return "enum";
		}
		return type.isRecord() ? "record" : "class";
	}

	private static String difference(List<String> listed, List<String> actual) {
		StringBuilder message = new StringBuilder("the public API differs from ").append(LISTING).append(":\n");
		actual.stream().filter((type) -> !listed.contains(type)).forEach((type) -> message.append("+ ").append(type).append('\n'));
		listed.stream().filter((type) -> !actual.contains(type)).forEach((type) -> message.append("- ").append(type).append('\n'));
		return message.append("If the change is deliberate, update the file (or run this test with -D")
			.append(UPDATE_PROPERTY)
			.append("=true to rewrite it) and say so in review; otherwise make the new type package-private or move it ")
			.append("to an internal package.")
			.toString();
	}

	/**
	 * Returns, for each Javadoc comment directly followed (after annotations) by a public or
	 * protected type declaration, the type's simple name and the comment.
	 */
	static List<String[]> typeJavadoc(String source) {
		List<String[]> found = new ArrayList<>();
		int start = source.indexOf("/**");
		while (start >= 0) {
			int end = source.indexOf("*/", start);
			if (end < 0) {
				break;
			}
			String declaration = source.substring(skipAnnotations(source, end + 2));
			int stop = declaration.indexOf('{');
			Matcher type = PUBLIC_TYPE.matcher((stop >= 0) ? declaration.substring(0, stop) : declaration);
			if (type.find()) {
				String comment = source.substring(start, end + 2).replaceAll("\\s*\\R\\s*\\*?", " ").replaceAll("\\s+", " ");
				found.add(new String[] { type.group(1), comment });
			}
			start = source.indexOf("/**", end);
		}
		return found;
	}

	private static int skipAnnotations(String source, int from) {
		int index = skipWhitespace(source, from);
		while (index < source.length() && source.charAt(index) == '@' && !source.startsWith("@interface", index)) {
			index++;
			while (index < source.length()
					&& (Character.isJavaIdentifierPart(source.charAt(index)) || source.charAt(index) == '.')) {
				index++;
			}
			index = skipWhitespace(source, index);
			if (index < source.length() && source.charAt(index) == '(') {
				int depth = 0;
				do {
					char c = source.charAt(index++);
					depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
				}
				while (depth > 0 && index < source.length());
				index = skipWhitespace(source, index);
			}
		}
		return index;
	}

	private static int skipWhitespace(String source, int from) {
		int index = from;
		while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
			index++;
		}
		return index;
	}

}
