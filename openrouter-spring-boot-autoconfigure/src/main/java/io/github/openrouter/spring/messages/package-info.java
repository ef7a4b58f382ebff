/**
 * Client API for OpenRouter's Anthropic-compatible Messages endpoint.
 */
@NullMarked
package io.github.openrouter.spring.messages;

import org.jspecify.annotations.NullMarked;
