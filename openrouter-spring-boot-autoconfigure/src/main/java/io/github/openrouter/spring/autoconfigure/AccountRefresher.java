package io.github.openrouter.spring.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.github.openrouter.spring.account.ReactiveAccountClient;
import io.github.openrouter.spring.messages.error.AuthenticationException;
import io.github.openrouter.spring.messages.error.OpenRouterApiException;
import io.github.openrouter.spring.messages.error.OpenRouterTimeoutException;
import io.github.openrouter.spring.messages.error.PermissionDeniedException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Reads the key's info (and, with a management key, the balance) every refresh interval, in the
 * background on Reactor's shared parallel scheduler, and keeps the last values for the gauges
 * and the health indicator; neither ever calls OpenRouter itself. A failed read keeps the last
 * values. Starts and stops with the application context.
 */
final class AccountRefresher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(AccountRefresher.class);

	private final ReactiveAccountClient client;

	private final Duration interval;

	private final Clock clock;

	private final List<Listener> listeners;

	private final AtomicReference<AccountState> state = new AtomicReference<>(AccountState.NONE);

	private volatile @Nullable Disposable refreshing;

	AccountRefresher(ReactiveAccountClient client, Duration interval, Clock clock, List<Listener> listeners) {
		this.client = client;
		this.interval = interval;
		this.clock = clock;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Returns what the last refreshes learned.
	 * @return the state
	 */
	AccountState state() {
		return this.state.get();
	}

	Clock clock() {
		return this.clock;
	}

	@Override
	public void start() {
		// ticks that arrive while a refresh is still running are dropped, never queued
		this.refreshing = Flux.interval(Duration.ZERO, this.interval)
			.onBackpressureDrop()
			.concatMap((tick) -> refresh(), 0)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable refreshing = this.refreshing;
		this.refreshing = null;
		if (refreshing != null) {
			refreshing.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null;
	}

	/**
	 * Reads the key and, with a management key, the balance, once; never fails.
	 * @return completes when both reads have ended
	 */
	Mono<Void> refresh() {
		Mono<Void> key = this.client.key()
			.doOnNext((info) -> update((state) -> state.withKey(info, this.clock.instant())))
			.doOnError((ex) -> failed("key", ex))
			.onErrorComplete()
			.then();
		if (!this.client.hasManagementKey()) {
			return key;
		}
		Mono<Void> credits = this.client.credits()
			.doOnNext((balance) -> update((state) -> state.withCredits(balance)))
			.doOnError((ex) -> failed("credits", ex))
			.onErrorComplete()
			.then();
		return Mono.when(key, credits);
	}

	private void failed(String call, Throwable ex) {
		String errorType = errorType(ex);
		boolean rejected = call.equals("key")
				&& (ex instanceof AuthenticationException || ex instanceof PermissionDeniedException);
		update((state) -> state.withFailure(errorType, rejected, this.clock.instant()));
		if (logger.isWarnEnabled()) {
			logger.warn("Could not read the OpenRouter " + call + " info (" + errorType + "); keeping the last values: "
					+ ex.getMessage());
		}
		this.listeners.forEach((listener) -> listener.onFailure(call, errorType));
	}

	private void update(UnaryOperator<AccountState> change) {
		AccountState updated = this.state.updateAndGet(change);
		this.listeners.forEach((listener) -> listener.onUpdate(updated));
	}

	/**
	 * Returns a bounded name for a failure: the HTTP status of an API error, {@code timeout}, or
	 * the exception's simple class name.
	 * @param ex the failure
	 * @return the name
	 */
	static String errorType(Throwable ex) {
		if (ex instanceof OpenRouterApiException api) {
			return String.valueOf(api.statusCode());
		}
		if (ex instanceof OpenRouterTimeoutException) {
			return "timeout";
		}
		return ex.getClass().getSimpleName();
	}

	/**
	 * Told about every refresh.
	 */
	interface Listener {

		/**
		 * Called after a read changed the state.
		 * @param state the new state
		 */
		void onUpdate(AccountState state);

		/**
		 * Called after a read failed.
		 * @param call {@code key} or {@code credits}
		 * @param errorType the bounded name of the failure
		 */
		void onFailure(String call, String errorType);

	}

}
