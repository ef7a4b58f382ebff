package io.github.openrouter.spring.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.openrouter.spring.messages.error.NotFoundException;
import io.github.openrouter.spring.messages.error.OpenRouterDecodingException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link ReactiveAccountClient} over an {@link AccountTransport}: it builds the three GETs and
 * reads the {@code data} member of their answers.
 */
final class DefaultReactiveAccountClient implements ReactiveAccountClient {

	static final Duration FIRST_GENERATION_RETRY = Duration.ofMillis(250);

	static final Duration MAX_GENERATION_RETRY = Duration.ofSeconds(2);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final ObjectReader KEY = MAPPER.readerFor(KeyInfo.class).at("/data");

	private static final ObjectReader GENERATION = MAPPER.readerFor(Generation.class).at("/data");

	private static final ObjectReader CREDITS = MAPPER.readerFor(Credits.class).at("/data");

	private final AccountTransport transport;

	private final @Nullable String managementKey;

	DefaultReactiveAccountClient(AccountTransport transport, @Nullable String managementKey) {
		this.transport = transport;
		this.managementKey = (managementKey != null && !managementKey.isBlank()) ? managementKey : null;
	}

	@Override
	public Mono<KeyInfo> key() {
		return get("/key", Map.of(), null, KEY);
	}

	@Override
	public Mono<Generation> generation(String id) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("A generation id is required");
		}
		return get("/generation", Map.of("id", id), null, GENERATION);
	}

	@Override
	public Mono<Generation> awaitGeneration(String id, Duration maxWait) {
		if (maxWait == null || maxWait.isNegative() || maxWait.isZero()) {
			throw new IllegalArgumentException("maxWait must be positive but was " + maxWait);
		}
		Mono<Generation> lookup = generation(id);
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
		return this.managementKey != null;
	}

	@Override
	public Mono<Credits> credits() {
		String key = this.managementKey;
		if (key == null) {
			return Mono.error(new IllegalStateException("GET /api/v1/credits needs a management key, and none is "
					+ "configured (in Spring Boot: openrouter.account.management-key)"));
		}
		return get("/credits", Map.of(), key, CREDITS);
	}

	private <T> Mono<T> get(String path, Map<String, String> query, @Nullable String bearerKey, ObjectReader reader) {
		return this.transport.get(path, query, bearerKey).map((body) -> decode(path, body, reader));
	}

	private static <T> T decode(String path, byte[] body, ObjectReader reader) {
		T value;
		try {
			value = reader.readValue(body);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new OpenRouterDecodingException("Could not read the answer of GET /api/v1" + path, ex);
		}
		if (value == null) {
			throw new OpenRouterDecodingException("The answer of GET /api/v1" + path + " has no 'data'", null);
		}
		return value;
	}

	private static long now() {
		return Schedulers.parallel().now(TimeUnit.MILLISECONDS);
	}

	@Override
	public String toString() {
		return "DefaultReactiveAccountClient[transport=" + this.transport + ", managementKey="
				+ ((this.managementKey != null) ? "[REDACTED]" : "none") + "]";
	}

}
