/**
 * Micrometer observation of messages calls: documentation, context, conventions and meters.
 */
@NullMarked
package io.github.openrouter.spring.messages.observation;

import org.jspecify.annotations.NullMarked;
