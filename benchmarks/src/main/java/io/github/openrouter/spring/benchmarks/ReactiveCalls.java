package io.github.openrouter.spring.benchmarks;

import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a reactive client's calls as the create scenario asks: one after the other, each awaited,
 * at concurrency 1; otherwise at most {@code concurrency} in flight.
 *
 * @since 0.1.0
 */
final class ReactiveCalls {

	private ReactiveCalls() {
	}

	/**
	 * Runs {@code total} calls.
	 * @param total the number of calls
	 * @param concurrency the number of calls in flight
	 * @param call one call, giving the length of its answer's text
	 * @return the total length of the answers' text
	 */
	static long run(int total, int concurrency, Supplier<Mono<Integer>> call) {
		if (concurrency <= 1) {
			long chars = 0;
			for (int i = 0; i < total; i++) {
				chars += call.get().block();
			}
			return chars;
		}
		return Flux.range(0, total).flatMap((i) -> call.get(), concurrency).reduce(0L, Long::sum).block();
	}

}
