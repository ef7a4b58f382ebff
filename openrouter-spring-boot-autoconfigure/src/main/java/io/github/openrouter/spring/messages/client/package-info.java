/**
 * The HTTP implementation of the messages client: request defaults, validation, retries and
 * error mapping over Spring's WebClient or straight over its HTTP connector.
 */
@NullMarked
package io.github.openrouter.spring.messages.client;

import org.jspecify.annotations.NullMarked;
