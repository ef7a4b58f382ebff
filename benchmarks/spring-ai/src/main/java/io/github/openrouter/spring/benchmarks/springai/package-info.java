/**
 * Spring AI 2.0's Anthropic chat model behind {@code java.*} types, for the benchmarks' own class loader.
 */
@NullMarked
package io.github.openrouter.spring.benchmarks.springai;

import org.jspecify.annotations.NullMarked;
