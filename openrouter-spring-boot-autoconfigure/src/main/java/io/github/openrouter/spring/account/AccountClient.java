package io.github.openrouter.spring.account;

import java.time.Duration;

/**
 * Blocking client for OpenRouter's account routes, a thin adapter over a
 * {@link ReactiveAccountClient}; see there for the semantics of each call.
 *
 * @since 0.1.0
 */
public interface AccountClient {

	/**
	 * Reads the key the client authenticates with ({@code GET /api/v1/key}).
	 * @return the key's limits, usage and kind
	 * @see ReactiveAccountClient#key()
	 */
	KeyInfo key();

	/**
	 * Reads what OpenRouter recorded about one call ({@code GET /api/v1/generation?id=}).
	 * @param id the generation id: the response's {@code id} or its {@code X-Generation-Id} header
	 * @return the generation
	 * @see ReactiveAccountClient#generation(String)
	 */
	Generation generation(String id);

	/**
	 * Reads a generation, waiting while OpenRouter answers 404, for at most
	 * {@link ReactiveAccountClient#DEFAULT_GENERATION_WAIT}.
	 * @param id the generation id
	 * @return the generation
	 * @see ReactiveAccountClient#awaitGeneration(String)
	 */
	default Generation awaitGeneration(String id) {
		return awaitGeneration(id, ReactiveAccountClient.DEFAULT_GENERATION_WAIT);
	}

	/**
	 * Reads a generation, waiting while OpenRouter answers 404, for at most {@code maxWait}.
	 * @param id the generation id
	 * @param maxWait how long to keep asking; positive
	 * @return the generation
	 * @see ReactiveAccountClient#awaitGeneration(String, Duration)
	 */
	Generation awaitGeneration(String id, Duration maxWait);

	/**
	 * Reads the account balance ({@code GET /api/v1/credits}) with the management key.
	 * @return the credits purchased and used
	 * @throws IllegalStateException if no management key is configured
	 * @see ReactiveAccountClient#credits()
	 */
	Credits credits();

	/**
	 * Returns the reactive client this one waits on.
	 * @return the reactive client
	 */
	ReactiveAccountClient reactive();

	/**
	 * Returns a blocking client over a reactive one.
	 * @param reactive the reactive client
	 * @return the blocking client
	 */
	static AccountClient of(ReactiveAccountClient reactive) {
		return new DefaultAccountClient(reactive);
	}

}
