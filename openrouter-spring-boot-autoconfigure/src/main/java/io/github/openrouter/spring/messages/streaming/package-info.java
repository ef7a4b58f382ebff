/**
 * Streaming calls: accumulation of a stream's events into its message, and the exception for an
 * oversized event. Framing and decoding are internal.
 */
@NullMarked
package io.github.openrouter.spring.messages.streaming;

import org.jspecify.annotations.NullMarked;
