package io.github.openrouter.spring.messages;

import java.time.Duration;
import java.util.Objects;

import reactor.netty.resources.ConnectionProvider;

/**
 * Sizing of the connection pool a messages client creates for itself (when it is given neither
 * an {@code HttpClient} nor a {@code ClientHttpConnector}).
 *
 * <p>
 * Calls beyond {@code maxConnections} wait in an unbounded queue for a connection, each for at
 * most {@code pendingAcquireTimeout} (and never past the call's own total timeout), so a burst of
 * concurrent calls is slowed down rather than refused.
 *
 * @param maxConnections the most connections open at once
 * @param pendingAcquireTimeout the longest a call waits for a free connection
 * @param maxIdleTime how long an unused connection stays open
 * @since 0.1.0
 */
public record ConnectionPoolSettings(int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime) {

	/**
	 * Creates pool settings, checking that each value is positive; durations longer than
	 * {@link ClientTimeouts#LONGEST} are cut to it (Reactor Netty reads them in milliseconds).
	 */
	public ConnectionPoolSettings {
		if (maxConnections < 1) {
			throw new IllegalArgumentException("Connection pool 'maxConnections' must be at least 1 but was "
					+ maxConnections);
		}
		pendingAcquireTimeout = requirePositive("pendingAcquireTimeout", pendingAcquireTimeout);
		maxIdleTime = requirePositive("maxIdleTime", maxIdleTime);
	}

	/**
	 * Returns the defaults: 500 connections (as Reactor Netty's shared pool, which a plain
	 * {@code WebClient} uses), a 45 s wait for a free connection, 30 s idle time.
	 * @return the default settings
	 */
	public static ConnectionPoolSettings defaults() {
		return new ConnectionPoolSettings(500, Duration.ofSeconds(45), Duration.ofSeconds(30));
	}

	/**
	 * Creates a Reactor Netty connection pool with these settings, whose idle connections are
	 * evicted in the background; calls beyond {@code maxConnections} wait, never refused.
	 * @param name the name of the pool, as its metrics show it
	 * @return the pool, for the caller to dispose
	 */
	public ConnectionProvider newConnectionProvider(String name) {
		return ConnectionProvider.builder(name)
			.maxConnections(this.maxConnections)
			// calls beyond the pool wait (each bounded by the acquire and total timeouts), never refused
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(this.pendingAcquireTimeout)
			.maxIdleTime(this.maxIdleTime)
			.evictInBackground(this.maxIdleTime)
			.build();
	}

	private static Duration requirePositive(String name, Duration value) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("Connection pool '" + name + "' must be positive but was " + value);
		}
		return (value.compareTo(ClientTimeouts.LONGEST) > 0) ? ClientTimeouts.LONGEST : value;
	}

}
