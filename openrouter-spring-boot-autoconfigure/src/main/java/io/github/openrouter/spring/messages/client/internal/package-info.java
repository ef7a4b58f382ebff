/**
 * The HTTP implementation of the messages client, read top to bottom: request preparation
 * (defaults, validation), the exchange (through Spring's WebClient or straight over its
 * {@code ClientHttpConnector}, by one rule), decoding and error mapping, bounded by Reactor's
 * {@code timeout} and {@code retryWhen} and one operator of its own, the stream idle clock.
 * Not API: build clients with {@link io.github.openrouter.spring.messages.MessagesClientBuilder}.
 */
@NullMarked
package io.github.openrouter.spring.messages.client.internal;

import org.jspecify.annotations.NullMarked;
