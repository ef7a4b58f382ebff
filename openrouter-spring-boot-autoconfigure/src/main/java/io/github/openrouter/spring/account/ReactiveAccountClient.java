package io.github.openrouter.spring.account;

import java.time.Duration;

import io.github.openrouter.spring.messages.MessagesClientBuilder;
import io.github.openrouter.spring.messages.ReactiveMessagesClient;
import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Reactive client for OpenRouter's account routes: the key's limits and usage, the record of one
 * generation and, with a management key, the account balance.
 *
 * <p>
 * Calls go through the transport of messages clients (see
 * {@link #create(ReactiveMessagesClient, ReactiveMessagesClient)}), so their retry policy and time
 * limits apply: a 429 or 5xx is tried again as for a message, a 404 is not.
 *
 * <p>
 * Nothing happens until subscription. Errors are signalled as unchecked
 * {@link io.github.openrouter.spring.messages.error.OpenRouterException}s, mapped like those of
 * the messages client: a rejected key as an
 * {@link io.github.openrouter.spring.messages.error.AuthenticationException}, an unknown generation
 * as a {@link io.github.openrouter.spring.messages.error.NotFoundException}. No key ever appears in
 * an exception or in {@code toString()}.
 *
 * @since 0.1.0
 */
public interface ReactiveAccountClient {

	/**
	 * How long {@link #awaitGeneration(String)} waits for a generation to become readable.
	 */
	Duration DEFAULT_GENERATION_WAIT = Duration.ofSeconds(20);

	/**
	 * Reads the key the client authenticates with ({@code GET /api/v1/key}); works with an
	 * ordinary inference key.
	 * @return the key's limits, usage and kind
	 */
	Mono<KeyInfo> key();

	/**
	 * Reads what OpenRouter recorded about one call ({@code GET /api/v1/generation?id=}). Right
	 * after a call OpenRouter may still answer 404 for a short while; {@link #awaitGeneration(String)}
	 * waits for it.
	 * @param id the generation id: the response's {@code id} or its {@code X-Generation-Id} header
	 * @return the generation
	 * @throws IllegalArgumentException if the id is blank
	 */
	Mono<Generation> generation(String id);

	/**
	 * Reads a generation, asking again with a growing delay while OpenRouter answers 404, for at
	 * most {@link #DEFAULT_GENERATION_WAIT}.
	 * @param id the generation id
	 * @return the generation, or the last {@link io.github.openrouter.spring.messages.error.NotFoundException}
	 * @throws IllegalArgumentException if the id is blank
	 */
	default Mono<Generation> awaitGeneration(String id) {
		return awaitGeneration(id, DEFAULT_GENERATION_WAIT);
	}

	/**
	 * Reads a generation, asking again with a growing delay (from 250 ms, doubling, at most 2 s)
	 * while OpenRouter answers 404, as long as the next attempt starts within {@code maxWait}.
	 * Any other error ends the wait at once.
	 * @param id the generation id
	 * @param maxWait how long to keep asking; positive
	 * @return the generation, or the last {@link io.github.openrouter.spring.messages.error.NotFoundException}
	 * @throws IllegalArgumentException if the id is blank or {@code maxWait} is not positive
	 */
	Mono<Generation> awaitGeneration(String id, Duration maxWait);

	/**
	 * Returns whether a management key is configured, which {@link #credits()} needs.
	 * @return {@code true} if {@link #credits()} can be called
	 */
	boolean hasManagementKey();

	/**
	 * Reads the account balance ({@code GET /api/v1/credits}) with the management key.
	 * @return the credits purchased and used
	 * @throws IllegalStateException (signalled) if no management key is configured
	 */
	Mono<Credits> credits();

	/**
	 * Creates an account client over a messages client, without a management key:
	 * {@link #credits()} then fails.
	 * @param client the messages client, as for {@link #create(ReactiveMessagesClient, ReactiveMessagesClient)}
	 * @return the account client
	 * @throws IllegalArgumentException if the client was not built by a {@link MessagesClientBuilder}
	 */
	static ReactiveAccountClient create(ReactiveMessagesClient client) {
		return create(client, null);
	}

	/**
	 * Creates an account client whose calls go through messages clients: the same transport as
	 * their messages calls, with their base URL, authentication, connector, filters and default
	 * headers, limits ({@code total} and {@code first-byte} timeouts), retry policy, error mapping
	 * and {@code http.client.requests} observation. Pass clients built by a
	 * {@link MessagesClientBuilder}: in Spring Boot, the auto-configured {@link ReactiveMessagesClient}
	 * or one built from the prototype {@code MessagesClientBuilder} bean. The account client owns
	 * neither: close them as usual.
	 * @param client the client whose API key reads the key and generations
	 * @param managementClient a client built like it with the management key as its API key
	 * ({@code builder.apiKey(managementKey)}), which reads {@link #credits()}; or {@code null}
	 * @return the account client
	 * @throws IllegalArgumentException if a client was not built by a {@link MessagesClientBuilder}
	 */
	static ReactiveAccountClient create(ReactiveMessagesClient client,
			@Nullable ReactiveMessagesClient managementClient) {
		return new DefaultReactiveAccountClient(transport(client),
				(managementClient != null) ? transport(managementClient) : null);
	}

	private static DefaultReactiveMessagesClient transport(ReactiveMessagesClient client) {
		if (client instanceof DefaultReactiveMessagesClient transport) {
			return transport;
		}
		throw new IllegalArgumentException("The account client sends its calls through a client built by "
				+ "MessagesClientBuilder, not through a " + client.getClass().getName());
	}

}
