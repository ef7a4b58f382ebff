package io.github.openrouter.spring.messages.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a public method as a tool that a {@link ToolRunner} offers the model.
 *
 * <p>
 * The method's parameters become the properties of the tool's input schema, named after the
 * parameters (compile with {@code -parameters}; without it the runner refuses the method
 * instead of naming them {@code arg0}), typed by the same generator as structured output and
 * described by {@link ToolParameter}. Every parameter is required; an {@code Optional} one may
 * be {@code null}. The return value is sent back as the tool result: a {@code String} as it
 * is, anything else as JSON. An exception becomes a result with {@code is_error: true} and the
 * exception's message; the stack trace stays in the process.
 *
 * <p>
 * For a GraalVM native image, Spring's AOT processing registers the reflection hints of these
 * methods (the method, its parameter and return types) on beans and on the classes that
 * {@code @ReflectiveScan} names.
 *
 * @since 0.1.0
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(ToolMethodReflectiveProcessor.class)
public @interface OpenRouterTool {

	/**
	 * The tool name the model sees, or empty for the method name.
	 * @return the name, matching {@code ^[a-zA-Z0-9_-]{1,64}$}
	 */
	String name() default "";

	/**
	 * What the tool does and when to use it; the model reads it to decide.
	 * @return the description
	 */
	String description();

}
