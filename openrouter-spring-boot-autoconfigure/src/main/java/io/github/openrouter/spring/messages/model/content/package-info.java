/**
 * Content blocks of messages, shared by requests and responses, with their sources and citations.
 */
@NullMarked
package io.github.openrouter.spring.messages.model.content;

import org.jspecify.annotations.NullMarked;
