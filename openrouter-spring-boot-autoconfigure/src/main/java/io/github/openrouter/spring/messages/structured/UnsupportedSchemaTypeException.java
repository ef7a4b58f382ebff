package io.github.openrouter.spring.messages.structured;

import java.lang.reflect.Type;

import io.github.openrouter.spring.messages.error.OpenRouterException;
import org.jspecify.annotations.Nullable;

/**
 * A Java type has no JSON schema in the subset that structured outputs (and strict tools) accept,
 * such as a recursive record or a map with free keys; thrown before any network call.
 *
 * @since 0.1.0
 */
public class UnsupportedSchemaTypeException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	private final String typeName;

	/**
	 * Creates an exception.
	 * @param type the type whose schema was asked for
	 * @param reason why it has none, naming the offending part
	 */
	public UnsupportedSchemaTypeException(Type type, String reason) {
		this(type, reason, null);
	}

	/**
	 * Creates an exception with a cause.
	 * @param type the type whose schema was asked for
	 * @param reason why it has none, naming the offending part
	 * @param cause the cause, or {@code null}
	 */
	public UnsupportedSchemaTypeException(Type type, String reason, @Nullable Throwable cause) {
		super("No JSON schema in the structured-outputs subset for " + type.getTypeName() + ": " + reason, cause);
		this.typeName = type.getTypeName();
	}

	/**
	 * Returns the name of the type whose schema was asked for.
	 * @return the type name, such as {@code java.util.List<com.example.Recipe>}
	 */
	public String typeName() {
		return this.typeName;
	}

}
