package io.github.openrouter.spring.messages.observation;

/**
 * Maps a failure to a low-cardinality {@code error.type} value.
 */
final class ErrorTypes {

	private ErrorTypes() {
	}

	static String of(Throwable error) {
		String name = error.getClass().getSimpleName();
		return name.isEmpty() ? error.getClass().getName() : name;
	}

}
