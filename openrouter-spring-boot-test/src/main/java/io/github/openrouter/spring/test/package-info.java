/**
 * An in-process OpenRouter stub for tests: {@link io.github.openrouter.spring.test.OpenRouterStub}
 * answers {@code POST /api/v1/messages} with {@link io.github.openrouter.spring.test.StubAnswer
 * scripted answers} built from the model types and records every request.
 */
@NullMarked
package io.github.openrouter.spring.test;

import org.jspecify.annotations.NullMarked;
