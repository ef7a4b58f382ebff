/**
 * Spring Boot auto-configuration of the OpenRouter Messages client.
 */
@NullMarked
package io.github.openrouter.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
