/**
 * Sample application: chat endpoints over an injected {@code MessagesClient}, with usage
 * visible in actuator metrics.
 */
@NullMarked
package io.github.openrouter.spring.sample;

import org.jspecify.annotations.NullMarked;
