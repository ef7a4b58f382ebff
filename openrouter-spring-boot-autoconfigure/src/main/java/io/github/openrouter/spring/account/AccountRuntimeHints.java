package io.github.openrouter.spring.account;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Hints for the account answers that Jackson binds: the package-private envelopes of
 * {@link DefaultReactiveAccountClient} and, through their {@code data} members, {@link KeyInfo},
 * {@link Generation} and {@link Credits}. Registered in {@code META-INF/spring/aot.factories}.
 *
 * @author OpenRouter Spring contributors
 */
class AccountRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				DefaultReactiveAccountClient.KeyAnswer.class, DefaultReactiveAccountClient.GenerationAnswer.class,
				DefaultReactiveAccountClient.CreditsAnswer.class);
	}

}
