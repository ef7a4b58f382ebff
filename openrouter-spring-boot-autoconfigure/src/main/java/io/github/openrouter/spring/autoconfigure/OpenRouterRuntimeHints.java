package io.github.openrouter.spring.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.openrouter.spring.messages.model.MessageRequest;
import io.github.openrouter.spring.messages.model.MessageResponse;
import io.github.openrouter.spring.messages.model.OpenRouterMetadata;
import io.github.openrouter.spring.messages.model.stream.StreamEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Hints for what the starter reads and writes reflectively, for a GraalVM native image: the model
 * that Jackson binds (requests, responses, stream events; the account answers have hints of their own) with the deserializers
 * its {@code @JsonDeserialize} annotations name, the provider properties that are written to JSON
 * and validated component by component, and the optional schema validator that structured output
 * looks up by name.
 *
 * <p>
 * The bound types are found from a few roots by Spring's {@link BindingReflectionHintsRegistrar},
 * which follows properties and record components; the members of a sealed union, which no
 * property names, are added until nothing new turns up. Registered in
 * {@code META-INF/spring/aot.factories}, so the hints apply wherever the client is used, with or
 * without its auto-configuration.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterRuntimeHints implements RuntimeHintsRegistrar {

	/** The types the client hands to Jackson; everything they refer to is found from them. */
	private static final List<Class<?>> BOUND_TYPES = List.of(MessageRequest.class, MessageResponse.class,
			StreamEvent.class, OpenRouterMetadata.class, OpenRouterProperties.Provider.class);

	/** Looked up with {@code ClassUtils.isPresent} before {@code JsonOutput.withValidation()} uses it. */
	private static final String SCHEMA_VALIDATOR = "com.networknt.schema.SchemaRegistry";

	private final BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.binding.registerReflectionHints(hints.reflection(), boundTypes(classLoader).toArray(Class<?>[]::new));
		if (ClassUtils.isPresent(SCHEMA_VALIDATOR, classLoader)) {
			hints.reflection().registerType(TypeReference.of(SCHEMA_VALIDATOR));
		}
	}

	/**
	 * Returns the roots with the members of every sealed union reachable from them.
	 */
	private Set<Class<?>> boundTypes(@Nullable ClassLoader classLoader) {
		Set<Class<?>> types = new LinkedHashSet<>(BOUND_TYPES);
		int before;
		do {
			before = types.size();
			ReflectionHints reached = new ReflectionHints();
			this.binding.registerReflectionHints(reached, types.toArray(Class<?>[]::new));
			List<Class<?>> reachedTypes = reached.typeHints()
				.<Class<?>>map((hint) -> resolve(hint, classLoader))
				.toList();
			for (Class<?> type : reachedTypes) {
				if (type.isSealed()) {
					types.addAll(List.of(type.getPermittedSubclasses()));
				}
			}
		}
		while (types.size() > before);
		return types;
	}

	private static Class<?> resolve(TypeHint hint, @Nullable ClassLoader classLoader) {
		return ClassUtils.resolveClassName(hint.getType().getName(), classLoader);
	}

}
