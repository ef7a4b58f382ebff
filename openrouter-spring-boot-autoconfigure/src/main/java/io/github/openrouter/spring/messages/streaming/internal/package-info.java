/**
 * Internals of streaming: SSE framing, event decoding and the blocking stream; not API: may change in any release.
 */
@NullMarked
package io.github.openrouter.spring.messages.streaming.internal;

import org.jspecify.annotations.NullMarked;
