/**
 * OpenRouter routing options: provider preferences, plugins, fallbacks, tracing and server-tool stop conditions.
 */
@NullMarked
package io.github.openrouter.spring.messages.model.routing;

import org.jspecify.annotations.NullMarked;
