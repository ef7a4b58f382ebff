package io.github.openrouter.spring.account;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Reactive client for OpenRouter's account routes: the key's limits and usage, the record of one
 * generation and, with a management key, the account balance.
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
	 * Creates a client that sends its calls through a {@link WebClient} from the given builder.
	 * @param baseUrl the base URL of the API, for example {@code https://openrouter.ai/api/v1}
	 * @param apiKey the API key, sent as a bearer token
	 * @param managementKey the management key for {@link #credits()}, or {@code null}
	 * @param webClientBuilder the builder to clone (it is not changed)
	 * @param timeout the longest a call may take
	 * @return the client
	 */
	static ReactiveAccountClient create(String baseUrl, String apiKey, @Nullable String managementKey,
			WebClient.Builder webClientBuilder, Duration timeout) {
		return new DefaultReactiveAccountClient(
				new WebClientAccountTransport(baseUrl, apiKey, webClientBuilder, timeout), managementKey);
	}

}
