/**
 * Benchmarks of the Messages client against raw Reactor Netty and the Anthropic Java SDK.
 */
@NullMarked
package io.github.openrouter.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
