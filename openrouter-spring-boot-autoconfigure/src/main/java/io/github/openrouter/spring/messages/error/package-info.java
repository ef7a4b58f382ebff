/**
 * Unchecked exceptions of the messages client.
 */
@NullMarked
package io.github.openrouter.spring.messages.error;

import org.jspecify.annotations.NullMarked;
