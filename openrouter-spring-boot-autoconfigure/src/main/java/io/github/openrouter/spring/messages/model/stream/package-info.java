/**
 * Server-sent events of a streaming Messages call and their deltas.
 */
@NullMarked
package io.github.openrouter.spring.messages.model.stream;

import org.jspecify.annotations.NullMarked;
