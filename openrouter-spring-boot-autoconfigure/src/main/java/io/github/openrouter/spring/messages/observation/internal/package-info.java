/**
 * Internals of observation: the observer that wraps each call in its observation; not API: may change in any release.
 */
@NullMarked
package io.github.openrouter.spring.messages.observation.internal;

import org.jspecify.annotations.NullMarked;
