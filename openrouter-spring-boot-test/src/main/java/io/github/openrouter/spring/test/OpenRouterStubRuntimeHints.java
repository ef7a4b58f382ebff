package io.github.openrouter.spring.test;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Hints for the error envelopes that the {@link OpenRouterStub} writes with Jackson, for an
 * application that runs the stub in a native image (as the sample's demo mode does); the model
 * types it reads and writes are hinted by the starter. Registered in
 * {@code META-INF/spring/aot.factories}.
 *
 * @author OpenRouter Spring contributors
 */
class OpenRouterStubRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				StubWireFormat.ErrorEnvelope.class, StubWireFormat.GenericErrorEnvelope.class);
	}

}
