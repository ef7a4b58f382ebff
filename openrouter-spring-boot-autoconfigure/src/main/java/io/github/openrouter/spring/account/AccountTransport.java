package io.github.openrouter.spring.account;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Sends the GETs of the account client and returns the body of a 2xx answer; a non-2xx answer
 * fails with the exception that {@link io.github.openrouter.spring.messages.error.internal.ErrorMapper}
 * makes of it.
 */
@FunctionalInterface
interface AccountTransport {

	/**
	 * Sends a GET.
	 * @param path the path below the base URL, for example {@code /key}
	 * @param query the query parameters, encoded by the transport
	 * @param bearerKey the key to authenticate with instead of the client's, or {@code null}
	 * @return the body of the 2xx answer
	 */
	Mono<byte[]> get(String path, Map<String, String> query, @Nullable String bearerKey);

}
