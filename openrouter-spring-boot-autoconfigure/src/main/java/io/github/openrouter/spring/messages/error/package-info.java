/**
 * Unchecked exceptions of the messages client and the mapper from HTTP errors to them.
 */
@NullMarked
package io.github.openrouter.spring.messages.error;

import org.jspecify.annotations.NullMarked;
