/**
 * Internals of the model's JSON binding: the union deserializers' base, its parser and the contract of members read after the discriminator, and the Jackson module the client's mapper creates records with; not API: may change in any release.
 */
@NullMarked
package io.github.openrouter.spring.messages.model.internal;

import org.jspecify.annotations.NullMarked;
