/**
 * Server-sent events for streaming calls: incremental framing, typed events, accumulation.
 */
@NullMarked
package io.github.openrouter.spring.messages.streaming;

import org.jspecify.annotations.NullMarked;
