package io.github.openrouter.spring.messages.tools;

import java.lang.reflect.Method;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.aot.hint.annotation.SimpleReflectiveProcessor;

/**
 * Hints for an {@link OpenRouterTool} method, found at build time by Spring's {@link Reflective}
 * support on beans (and on the classes of {@code @ReflectiveScan}): the method is invoked, its
 * parameter names and annotations are read, the arguments are read from JSON and described by a
 * schema of the same one-property record as {@link ToolCatalog} uses, and the result is written as
 * JSON.
 */
class ToolMethodReflectiveProcessor extends SimpleReflectiveProcessor {

	private final BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();

	@Override
	protected void registerMethodHint(ReflectionHints hints, Method method) {
		super.registerMethodHint(hints, method);
		this.binding.registerReflectionHints(hints, method.getGenericParameterTypes());
		this.binding.registerReflectionHints(hints, method.getGenericReturnType(), ToolCatalog.Slot.class);
	}

}
