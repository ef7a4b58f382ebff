package io.github.openrouter.spring.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the root README from the sample-app module (Maven's working directory) or from the
 * repository root (an IDE's).
 */
final class ReadmeFile {

	private ReadmeFile() {
	}

	static Path path() {
		Path fromModule = Path.of("..", "README.md");
		return Files.exists(fromModule) ? fromModule : Path.of("README.md");
	}

	static String read() throws IOException {
		return Files.readString(path(), StandardCharsets.UTF_8);
	}

}
