/**
 * Benchmarks of the Messages client against raw Reactor Netty, the Anthropic Java SDK and Spring AI.
 */
@NullMarked
package io.github.openrouter.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
