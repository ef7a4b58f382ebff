package io.github.openrouter.spring.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.client.internal.DefaultReactiveMessagesClient;
import io.github.openrouter.spring.messages.error.NotFoundException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The {@link ReactiveAccountClient} over messages clients: each call is a GET on their transport
 * ({@link DefaultReactiveMessagesClient#get}), decoded by their mapper, and this class reads the
 * {@code data} member of the answer. The management client is a messages client whose API key
 * is the management key, so that key is redacted wherever the transport redacts its own.
 */
final class DefaultReactiveAccountClient implements ReactiveAccountClient {

	static final Duration FIRST_GENERATION_RETRY = Duration.ofMillis(250);

	static final Duration MAX_GENERATION_RETRY = Duration.ofSeconds(2);

	private final DefaultReactiveMessagesClient client;

	private final @Nullable DefaultReactiveMessagesClient managementClient;

	DefaultReactiveAccountClient(DefaultReactiveMessagesClient client,
			@Nullable DefaultReactiveMessagesClient managementClient) {
		this.client = client;
		this.managementClient = managementClient;
	}

	@Override
	public Mono<KeyInfo> key() {
		return get(this.client, "/key", Map.of(), KeyAnswer.class);
	}

	@Override
	public Mono<Generation> generation(String id) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("A generation id is required");
		}
		return get(this.client, "/generation", Map.of("id", id), GenerationAnswer.class);
	}

	@Override
	public Mono<Generation> awaitGeneration(String id, Duration maxWait) {
		if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
			throw new IllegalArgumentException("maxWait must be positive but was " + maxWait);
		}
		return whileNotFound(generation(id), maxWait);
	}

	/**
	 * Subscribes to a lookup again while it fails with a {@link NotFoundException}, from 250 ms
	 * apart, doubling, at most 2 s, as long as the next attempt starts within {@code maxWait};
	 * any other failure, or the last {@code NotFoundException}, ends it.
	 */
	static <T> Mono<T> whileNotFound(Mono<T> lookup, Duration maxWait) {
		return Mono.defer(() -> {
			long deadline = now() + maxWait.toMillis();
			return lookup.retryWhen(Retry.from((signals) -> signals.concatMap((signal) -> {
				long delay = Math.min(MAX_GENERATION_RETRY.toMillis(),
						FIRST_GENERATION_RETRY.toMillis() << Math.min(signal.totalRetries(), 10));
				if (!(signal.failure() instanceof NotFoundException) || now() + delay > deadline) {
					return Mono.error(signal.failure());
				}
				return Mono.delay(Duration.ofMillis(delay));
			})));
		});
	}

	@Override
	public boolean hasManagementKey() {
		return this.managementClient != null;
	}

	@Override
	public Mono<Credits> credits() {
		DefaultReactiveMessagesClient management = this.managementClient;
		if (management == null) {
			return Mono.error(new IllegalStateException("GET /api/v1/credits needs a management key, and none is "
					+ "configured (in Spring Boot: openrouter.account.management-key)"));
		}
		return get(management, "/credits", Map.of(), CreditsAnswer.class);
	}

	private static <T> Mono<T> get(DefaultReactiveMessagesClient client, String path, Map<String, String> query,
			Class<? extends Answer<T>> type) {
		return client.get(path, query, type).map((answer) -> {
			T data = answer.data();
			if (data == null) {
				throw new OpenRouterDecodingException("The answer of GET /api/v1" + path + " has no 'data'", null);
			}
			return data;
		});
	}

	private static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}

	@Override
	public String toString() {
		return "DefaultReactiveAccountClient[" + this.client + ", managementKey="
				+ ((this.managementClient != null) ? "[REDACTED]" : "none") + "]";
	}

	/**
	 * An answer of the account API: the value is its {@code data} member.
	 */
	interface Answer<T> {

		@Nullable T data();

	}

	record KeyAnswer(@Nullable KeyInfo data) implements Answer<KeyInfo> {
	}

	record GenerationAnswer(@Nullable Generation data) implements Answer<Generation> {
	}

	record CreditsAnswer(@Nullable Credits data) implements Answer<Credits> {
	}

}
