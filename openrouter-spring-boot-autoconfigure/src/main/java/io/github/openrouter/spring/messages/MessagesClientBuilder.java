package io.github.openrouter.spring.messages;

/**
 * Builder of messages clients; placeholder until the HTTP client lands.
 *
 * @since 0.1.0
 */
public final class MessagesClientBuilder {

	MessagesClientBuilder() {
	}

}
