/**
 * Typed, immutable request, response and usage model of the Messages endpoint.
 */
@NullMarked
package io.github.openrouter.spring.messages.model;

import org.jspecify.annotations.NullMarked;
