/**
 * Internals of error handling: the mapper from a non-2xx answer to its exception; not API: may change in any release.
 */
@NullMarked
package io.github.openrouter.spring.messages.error.internal;

import org.jspecify.annotations.NullMarked;
