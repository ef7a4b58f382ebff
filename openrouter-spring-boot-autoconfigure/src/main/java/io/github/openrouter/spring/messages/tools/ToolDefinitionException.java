package io.github.openrouter.spring.messages.tools;

import io.github.openrouter.spring.messages.error.OpenRouterException;
import org.jspecify.annotations.Nullable;

/**
 * A tool cannot be offered to the model as declared, such as a method compiled without
 * {@code -parameters}, two tools of one name, or an input type without a schema; thrown when the
 * {@link ToolRunner} is built, before any network call.
 *
 * @since 0.1.0
 */
public class ToolDefinitionException extends OpenRouterException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what is wrong, naming the tool
	 * @param cause the cause, or {@code null}
	 */
	public ToolDefinitionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
