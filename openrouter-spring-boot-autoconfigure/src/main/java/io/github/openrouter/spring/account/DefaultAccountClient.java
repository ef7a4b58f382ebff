package io.github.openrouter.spring.account;

import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking {@link AccountClient} over a {@link ReactiveAccountClient}; it only adds waiting,
 * bounded by the reactive client's own time limits.
 */
final class DefaultAccountClient implements AccountClient {

	private final ReactiveAccountClient reactive;

	DefaultAccountClient(ReactiveAccountClient reactive) {
		this.reactive = reactive;
	}

	@Override
	public KeyInfo key() {
		return await("key", this.reactive.key());
	}

	@Override
	public Generation generation(String id) {
		return await("generation", this.reactive.generation(id));
	}

	@Override
	public Generation awaitGeneration(String id, Duration maxWait) {
		return await("awaitGeneration", this.reactive.awaitGeneration(id, maxWait));
	}

	@Override
	public Credits credits() {
		return await("credits", this.reactive.credits());
	}

	@Override
	public ReactiveAccountClient reactive() {
		return this.reactive;
	}

	private static <T> T await(String operation, Mono<T> call) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("AccountClient." + operation + " blocks and cannot run on the non-blocking "
					+ "thread '" + Thread.currentThread().getName() + "'; use AccountClient.reactive() there");
		}
		T value = call.block();
		if (value == null) {
			throw new IllegalStateException("The reactive account client completed without a value");
		}
		return value;
	}

	@Override
	public String toString() {
		return "DefaultAccountClient[" + this.reactive + "]";
	}

}
