/**
 * Client API for OpenRouter's account routes: the key's limits and usage
 * ({@code GET /api/v1/key}), the exact cost of one generation ({@code GET /api/v1/generation})
 * and, with a management key, the account balance ({@code GET /api/v1/credits}), sent on the
 * transport of the messages clients they are created over.
 */
@NullMarked
package io.github.openrouter.spring.account;

import org.jspecify.annotations.NullMarked;
