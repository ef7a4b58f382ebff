package io.github.openrouter.spring.account;

import org.jspecify.annotations.Nullable;

/**
 * Checks the values of the account answers that the API always sends.
 */
final class Fields {

	private Fields() {
	}

	/**
	 * Fails when a value the API always sends is missing, naming its JSON field.
	 * @param value the value
	 * @param field the JSON field name
	 * @throws IllegalArgumentException if the value is {@code null}
	 */
	static void require(@Nullable Object value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("'" + field + "' is missing");
		}
	}

}
