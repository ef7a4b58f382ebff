/**
 * Structured output: ask for a Java type, get the answer parsed into it.
 */
@NullMarked
package io.github.openrouter.spring.messages.structured;

import org.jspecify.annotations.NullMarked;
