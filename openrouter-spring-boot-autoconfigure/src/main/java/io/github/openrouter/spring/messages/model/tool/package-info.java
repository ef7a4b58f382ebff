/**
 * Tool definitions and tool choice of a Messages request.
 */
@NullMarked
package io.github.openrouter.spring.messages.model.tool;

import org.jspecify.annotations.NullMarked;
