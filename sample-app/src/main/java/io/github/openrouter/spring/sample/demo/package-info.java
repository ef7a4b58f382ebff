/**
 * Demo mode of the sample app: an embedded OpenRouter-compatible stub on loopback, used when no
 * API key is configured.
 */
@NullMarked
package io.github.openrouter.spring.sample.demo;

import org.jspecify.annotations.NullMarked;
