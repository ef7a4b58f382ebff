/**
 * Internals of structured output: schema generation from Java types and the calls that parse
 * answers; not API.
 */
@NullMarked
package io.github.openrouter.spring.messages.structured.internal;

import org.jspecify.annotations.NullMarked;
