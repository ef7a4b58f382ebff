/**
 * Support for the OpenRouter stub in {@code @SpringBootTest}s:
 * {@link io.github.openrouter.spring.test.autoconfigure.AutoConfigureOpenRouterStub}.
 */
@NullMarked
package io.github.openrouter.spring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
