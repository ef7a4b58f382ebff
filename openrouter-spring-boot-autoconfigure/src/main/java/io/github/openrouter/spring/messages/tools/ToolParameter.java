package io.github.openrouter.spring.messages.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of an {@link OpenRouterTool} method in the tool's input schema.
 *
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ToolParameter {

	/**
	 * What the parameter means, for the model.
	 * @return the description
	 */
	String description();

}
